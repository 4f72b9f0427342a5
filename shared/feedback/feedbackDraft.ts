// What every door (the tab's dialog, the bot's `ask for feedback` card, the message extension's
// dialog) offers before the mentee changes anything: the behaviors of the goal's strategic priority,
// all chosen, the suggested close date and the earliest one allowed. One default for every door.
import { addDays, type IsoDate } from '../dates';
import type { Goal } from '../goal';
import { isActiveGoal } from '../plan/planChoices';
import type { StrategicPriority } from '../program';

/** Two weeks gives people a fortnight of working days to answer, whatever their schedule. */
export const DEFAULT_OPEN_DAYS = 14;

/** A request closes after the asker's today: a request closing today could take no answers tomorrow. */
export const earliestCloseDate = (today: IsoDate): IsoDate => addDays(today, 1);

/** Why a close date is refused (the asker's today decides), or undefined when it is fine. */
export function closeDateProblem(closesOn: string, today: IsoDate): string | undefined {
  return closesOn < earliestCloseDate(today) ? 'Pick a close date after today.' : undefined;
}

/** The behaviors the goal's strategic priority names; none when it serves no priority. */
export function behaviorsOfPriority(
  priorities: readonly Pick<StrategicPriority, 'id' | 'behaviors'>[],
  priorityId: string | undefined,
): string[] {
  if (priorityId === undefined) return [];
  return [...(priorities.find((p) => p.id === priorityId)?.behaviors ?? [])];
}

export interface FeedbackDraft {
  goal: Pick<Goal, 'id' | 'title'>;
  /** The priority's behaviors, every one chosen at first. */
  behaviors: string[];
  closesOn: IsoDate;
  earliestClose: IsoDate;
}

/** Where a draft comes from: a plan's goals and its program's priorities (a PlanView has both). */
export interface FeedbackDraftSource {
  goals: readonly { value: Pick<Goal, 'id' | 'title' | 'status' | 'priorityId'> }[];
  program: { priorities: readonly Pick<StrategicPriority, 'id' | 'behaviors'>[] };
}

/** The form a door shows for asking feedback on `goalId`; undefined when it is not an active goal of the plan. */
export function feedbackDraft(source: FeedbackDraftSource, goalId: string, today: IsoDate): FeedbackDraft | undefined {
  const goal = source.goals.find((g) => g.value.id === goalId)?.value;
  if (!goal || !isActiveGoal(goal)) return undefined;
  return {
    goal: { id: goal.id, title: goal.title },
    behaviors: behaviorsOfPriority(source.program.priorities, goal.priorityId),
    closesOn: addDays(today, DEFAULT_OPEN_DAYS),
    earliestClose: earliestCloseDate(today),
  };
}
