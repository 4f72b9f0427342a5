// "Request feedback": the mentee picks one of their goals, then the behaviors to be rated, whom of
// the chat to ask (and as what), the close date and anonymity; the feedback service creates the
// request and its card goes into the chat, where the people named answer it (Universal Actions).
// The chat's members are read again at every step: the dialog's data names people, it does not
// vouch for them.
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { PlanView } from '../../shared/api';
import { feedbackDraft, type FeedbackDraft } from '../../shared/feedback/feedbackDraft';
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
import {
  cardAttachment,
  cardsResult,
  dialog,
  formValues,
  problemsOf,
  type ActionCommand,
  type MessageExtensionDeps,
} from './messageExtensionCommands';
import { ownGoalChoices, plansOf } from './messageExtensionPlans';

const t = en.messageExtension.requestFeedback;
const DEFAULT_MEMBERS_BUDGET_MS = 1_500;
const RELATION_PREFIX = meInputs.relation('');

/** The people of the chat who can be asked: not the asker, at most as many as a request names. */
function askable(members: readonly ChatMember[], actor: Actor): { members: ChatMember[]; more: boolean } {
  const others = members.filter((m) => m.personId !== actor.id);
  return { members: others.slice(0, MAX_RESPONDENTS), more: others.length > MAX_RESPONDENTS };
}

/** The actor's plan holding this goal and the draft every door offers, when they are its mentee and the goal is active. */
async function ownActiveGoal(
  deps: MessageExtensionDeps,
  actor: Actor,
  pairId: string,
  goalId: string,
): Promise<{ view: PlanView; draft: FeedbackDraft } | undefined> {
  const loaded = await deps.plan.loadPlan(actor, pairId);
  if (!loaded.ok) return undefined;
  const view = loaded.value;
  const draft = view.viewerRole === 'mentee' && view.pair.value.status !== 'ended' ? feedbackDraft(view, goalId, view.today) : undefined;
  return draft ? { view, draft } : undefined;
}

/** Behaviors chosen by position in the priority's list, then the ones typed, one per line. */
function chosenBehaviors(values: Record<string, string>, offered: readonly string[]): string[] {
  const picked = multiSelectValues(values[meInputs.behaviors])
    .map(Number)
    .filter((i) => Number.isInteger(i) && i >= 0 && i < offered.length)
    .map((i) => offered[i]!);
  const typed = (values[meInputs.extraBehaviors] ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return [...new Set([...picked, ...typed])];
}

export function requestFeedbackCommand(deps: MessageExtensionDeps): ActionCommand {
  const budget = deps.membersBudgetMs ?? DEFAULT_MEMBERS_BUDGET_MS;
  const membersOf = (context: TurnContext) => chatMembers(context, deps.mode, deps.log, budget);

  async function goalStep(actor: Actor, context: TurnContext, values?: Record<string, string>, problems?: string[]) {
    const [views, members] = await Promise.all([plansOf(actor, deps), membersOf(context)]);
    const goals = ownGoalChoices(views);
    if (goals.length === 0) return dialog(t.title, noticeForm(t.title, t.noGoals));
    return dialog(
      t.title,
      requestFeedbackGoalForm({ goals, askable: members ? askable(members, actor).members.length : undefined, values, problems }),
    );
  }

  function detailsStep(
    actor: Actor,
    target: { view: PlanView; draft: FeedbackDraft },
    members: readonly ChatMember[] | undefined,
    values?: Record<string, string>,
    problems: string[] = [],
    submissionId: string = randomUUID(),
  ) {
    const { draft } = target;
    const chosen = askable(members ?? [], actor);
    const memberChoices: ChatMemberChoice[] = chosen.members.map((m) => ({
      personId: m.personId,
      name: m.name,
      relation: m.guest ? 'customer' : 'peer',
    }));
    return dialog(
      t.title,
      requestFeedbackDetailsForm({
        pairId: target.view.pair.value.id,
        goalId: draft.goal.id,
        goalTitle: draft.goal.title,
        behaviors: draft.behaviors,
        members: memberChoices,
        moreMembers: chosen.more,
        closesOn: draft.closesOn,
        earliestClose: draft.earliestClose,
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
    const strangers = Object.keys(values).filter(
      (key) => key.startsWith(RELATION_PREFIX) && !listed.has(key.slice(RELATION_PREFIX.length)) && values[key] !== 'none',
    );
    if (strangers.length > 0) return detailsStep(actor, target, members, values, [t.notAMember], submissionId);
    const respondents: FeedbackRespondent[] = chosen.flatMap((m) => {
      const relation = feedbackRelation.safeParse(values[meInputs.relation(m.personId)]);
      return relation.success ? [{ personId: m.personId, displayName: m.name.slice(0, limits.name), relation: relation.data }] : [];
    });
    const input = parseInput(feedbackRequestInput, {
      goalId: target.draft.goal.id,
      behaviors: chosenBehaviors(values, target.draft.behaviors),
      respondents,
      closesOn: values[meInputs.closesOn] ?? '',
      anonymous: values[meInputs.anonymous] === 'true',
      submissionId,
    });
    // The card goes into this chat, where the people asked are: nothing is sent to their personal chats.
    const asked = input.ok ? await deps.feedback.ask(actor, target.view.pair.value.id, input.value, { kind: 'into_chat' }) : input;
    if (!asked.ok) return detailsStep(actor, target, members, values, problemsOf(asked.error), submissionId);
    const card = feedbackRequestCard({
      request: asked.value.request.value,
      menteeName: asked.value.menteeName,
      goalTitle: asked.value.goalTitle,
    });
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
