// What the message extension shows of a person's plans: every plan they belong to, each loaded
// through the plan service (so the policy decides what they see), and the goal lists its dialogs
// and search offer. Nothing here writes.
import type { GoalView, PlanView } from '../../shared/api';
import { activeGoals } from '../../shared/plan/planChoices';
import type { PlanService } from '../../shared/plan/planService';
import type { Actor } from '../../shared/policy';
import type { PlanRepository } from '../../shared/repositories';
import type { GoalChoice } from '../cards/messageExtensionForms';

export interface PlanReaders {
  plan: Pick<PlanService, 'loadPlan'>;
  plans: Pick<PlanRepository, 'pairsOf'>;
}

/** Every plan the actor is mentor or mentee of, loaded side by side. */
export async function plansOf(actor: Actor, readers: PlanReaders): Promise<PlanView[]> {
  const refs = await readers.plans.pairsOf(actor.id);
  const loaded = await Promise.all(refs.map((ref) => readers.plan.loadPlan(actor, ref.pairId)));
  return loaded.flatMap((result) => (result.ok ? [result.value] : []));
}

/** Active goals of the plans, most recently changed first (dialogs list only so many). */
const activeGoalsOf = (views: readonly PlanView[]) =>
  views
    .flatMap((view) => activeGoals(view.goals).map((goal) => ({ view, goal })))
    .sort((a, b) => (a.goal.value.updatedAt < b.goal.value.updatedAt ? 1 : a.goal.value.updatedAt > b.goal.value.updatedAt ? -1 : 0));

const choice = (view: PlanView, goal: GoalView, withMentee: boolean): GoalChoice => ({
  pairId: view.pair.value.id,
  goalId: goal.value.id,
  goalTitle: goal.value.title,
  ...(withMentee ? { menteeName: view.mentee.displayName } : {}),
});

// Which plans each dialog offers is the plan view's `can` (the policy the use cases enforce).

/** The active goals of the actor's mentees (feedback notes are the mentor's), labelled "Mentee · goal". */
export const menteeGoalChoices = (views: readonly PlanView[]): GoalChoice[] =>
  activeGoalsOf(views.filter((v) => v.can.sendFeedbackNote)).map(({ view, goal }) => choice(view, goal, true));

/** The actor's own active goals, in the plans where they ask for feedback (as the mentee). */
export const ownGoalChoices = (views: readonly PlanView[]): GoalChoice[] =>
  activeGoalsOf(views.filter((v) => v.can.askFeedback)).map(({ view, goal }) => choice(view, goal, false));

/** The plans a win can be recorded in, with the goals it may name. */
export function winTargets(views: readonly PlanView[], ownPlanTitle: (mentorName: string) => string) {
  const open = views.filter((v) => v.can.addWin);
  const planTitle = (v: PlanView) => (v.viewerRole === 'mentor' ? v.mentee.displayName : ownPlanTitle(v.mentor.displayName));
  return {
    pairs: open.map((v) => ({ pairId: v.pair.value.id, title: planTitle(v) })),
    goals: activeGoalsOf(open).map(({ view, goal }) => ({ ...choice(view, goal, false), menteeName: planTitle(view) })),
    canShare: open.some((v) => v.can.shareWin),
  };
}

/** The priority a goal serves, by name, from the plan's program. */
export const priorityNameOf = (view: PlanView, goal: GoalView): string | undefined =>
  goal.value.priorityId === undefined ? undefined : view.program.priorities.find((p) => p.id === goal.value.priorityId)?.name;
