// "Request feedback": the mentee picks one of their goals, then the behaviors to be rated, whom of
// the chat to ask (and as what), the close date and anonymity; the feedback service creates the
// request and its card goes into the chat, where the people named answer it (Universal Actions).
// The chat's members are read again at every step: the dialog's data names people, it does not
// vouch for them.
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { PlanView } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { MAX_RESPONDENTS, feedbackRelation, feedbackRequestInput, type FeedbackRespondent } from '../../shared/feedback/feedbackRequest';
import { limits } from '../../shared/limits';
import type { Actor } from '../../shared/policy';
import { entityId } from '../../shared/program';
import { parseInput } from '../../shared/validation';
import { feedbackRequestCard } from '../cards/feedbackRequestCard';
import {
  meInputs,
  multiSelectValues,
  noticeForm,
  parseGoalChoice,
  requestFeedbackDetailsForm,
  requestFeedbackGoalForm,
  requestFeedbackSteps,
  type ChatMemberChoice,
} from '../cards/messageExtensionForms';
import { en } from '../cards/strings';
import { chatMembers, type ChatMember } from './chatMembers';
import { cardAttachment, cardsResult, dialog, formValues, problemsOf, type ActionCommand, type MessageExtensionDeps } from './messageExtensionCommands';
import { ownGoalChoices, plansOf } from './messageExtensionPlans';

const t = en.messageExtension.requestFeedback;
const DEFAULT_MEMBERS_BUDGET_MS = 1_500;
const DEFAULT_OPEN_DAYS = 14;
const RELATION_PREFIX = meInputs.relation('');

/** The people of the chat who can be asked: not the asker, at most as many as a request names. */
function askable(members: readonly ChatMember[], actor: Actor): { members: ChatMember[]; more: boolean } {
  const others = members.filter((m) => m.personId !== actor.id);
  return { members: others.slice(0, MAX_RESPONDENTS), more: others.length > MAX_RESPONDENTS };
}

/** The actor's plan holding this goal, when they are its mentee and the goal is active. */
async function ownActiveGoal(deps: MessageExtensionDeps, actor: Actor, pairId: string, goalId: string) {
  const loaded = await deps.plan.loadPlan(actor, pairId);
  if (!loaded.ok) return undefined;
  const view = loaded.value;
  const goal = view.goals.find((g) => g.value.id === goalId && g.value.status === 'active');
  return view.viewerRole === 'mentee' && view.pair.value.status !== 'ended' && goal ? { view, goal: goal.value } : undefined;
}

const priorityBehaviors = (view: PlanView, priorityId: string | undefined): string[] =>
  view.program.priorities.find((p) => p.id === priorityId)?.behaviors ?? [];

/** Behaviors chosen by position in the priority's list, then the ones typed, one per line. */
function chosenBehaviors(values: Record<string, string>, offered: readonly string[]): string[] {
  const picked = multiSelectValues(values[meInputs.behaviors])
    .map(Number)
    .filter((i) => Number.isInteger(i) && i >= 0 && i < offered.length)
    .map((i) => offered[i]!);
  const typed = (values[meInputs.extraBehaviors] ?? '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  return [...new Set([...picked, ...typed])];
}

export function requestFeedbackCommand(deps: MessageExtensionDeps): ActionCommand {
  const budget = deps.membersBudgetMs ?? DEFAULT_MEMBERS_BUDGET_MS;
  const membersOf = (context: TurnContext) => chatMembers(context, deps.mode, deps.log, budget);

  async function goalStep(actor: Actor, context: TurnContext, values?: Record<string, string>, problems?: string[]) {
    const [views, members] = await Promise.all([plansOf(actor, deps), membersOf(context)]);
    const goals = ownGoalChoices(views);
    if (goals.length === 0) return dialog(t.title, noticeForm(t.title, t.noGoals));
    return dialog(t.title, requestFeedbackGoalForm({ goals, askable: members ? askable(members, actor).members.length : undefined, values, problems }));
  }

  function detailsStep(actor: Actor, target: { view: PlanView; goal: { id: string; title: string; priorityId?: string } }, members: readonly ChatMember[] | undefined, values?: Record<string, string>, problems: string[] = [], submissionId: string = randomUUID()) {
    const today = todayIn(actor.timeZone, deps.now());
    const chosen = askable(members ?? [], actor);
    const memberChoices: ChatMemberChoice[] = chosen.members.map((m) => ({ personId: m.personId, name: m.name, relation: m.guest ? 'customer' : 'peer' }));
    return dialog(
      t.title,
      requestFeedbackDetailsForm({
        pairId: target.view.pair.value.id,
        goalId: target.goal.id,
        goalTitle: target.goal.title,
        behaviors: priorityBehaviors(target.view, target.goal.priorityId),
        members: memberChoices,
        moreMembers: chosen.more,
        closesOn: addDays(today, DEFAULT_OPEN_DAYS),
        earliestClose: addDays(today, 1),
        submissionId,
        values,
        problems: members ? problems : [t.membersUnknown, ...problems],
      }),
    );
  }

  async function create(actor: Actor, context: TurnContext, data: Record<string, unknown>) {
    const values = formValues(data);
    // Only a name for this submission (the schema checks its form); the dialog shown again keeps it.
    const submissionId = typeof data.submissionId === 'string' ? data.submissionId : randomUUID();
    const pairId = entityId.safeParse(data.pairId);
    const goalId = entityId.safeParse(data.goalId);
    const target = pairId.success && goalId.success ? await ownActiveGoal(deps, actor, pairId.data, goalId.data) : undefined;
    if (!target) return dialog(t.title, noticeForm(t.title, en.messageExtension.staleForm));
    const members = await membersOf(context);
    if (!members) return detailsStep(actor, target, members, values, [], submissionId);
    const chosen = askable(members, actor).members;
    const listed = new Set(chosen.map((m) => m.personId));
    // A relation for someone not (or no longer) listed is not silently dropped: the asker checks again.
    const strangers = Object.keys(values).filter((key) => key.startsWith(RELATION_PREFIX) && !listed.has(key.slice(RELATION_PREFIX.length)) && values[key] !== 'none');
    if (strangers.length > 0) return detailsStep(actor, target, members, values, [t.notAMember], submissionId);
    const respondents: FeedbackRespondent[] = chosen.flatMap((m) => {
      const relation = feedbackRelation.safeParse(values[meInputs.relation(m.personId)]);
      return relation.success ? [{ personId: m.personId, displayName: m.name.slice(0, limits.name), relation: relation.data }] : [];
    });
    const input = parseInput(feedbackRequestInput, {
      goalId: target.goal.id,
      behaviors: chosenBehaviors(values, priorityBehaviors(target.view, target.goal.priorityId)),
      respondents,
      closesOn: values[meInputs.closesOn] ?? '',
      anonymous: values[meInputs.anonymous] === 'true',
      submissionId,
    });
    const created = input.ok ? await deps.feedback.createRequest(actor, target.view.pair.value.id, input.value) : input;
    if (!created.ok) return detailsStep(actor, target, members, values, problemsOf(created.error), submissionId);
    const card = feedbackRequestCard({ request: created.value.value, menteeName: target.view.mentee.displayName, goalTitle: target.goal.title });
    return cardsResult([cardAttachment(card)]);
  }

  return {
    fetch: (actor, context) => goalStep(actor, context),

    async submit(actor, context, data) {
      if (data.step === requestFeedbackSteps.details) return create(actor, context, data);
      if (data.step !== requestFeedbackSteps.chooseGoal) return dialog(t.title, noticeForm(t.title, en.messageExtension.staleForm));
      const values = formValues(data);
      const choice = parseGoalChoice(data[meInputs.goal]);
      const target = choice ? await ownActiveGoal(deps, actor, choice.pairId, choice.goalId) : undefined;
      if (!target) return goalStep(actor, context, values, [t.goalError]);
      return detailsStep(actor, target, await membersOf(context));
    },
  };
}
