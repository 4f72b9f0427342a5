// The bot's "ask for feedback" flow, as cards: pick one of my active goals, then the behaviors
// (prefilled from the goal's priority), the respondents with Teams' people picker, their relation,
// the close date and anonymity; then what was sent to whom.
import type { DeliveryOutcome } from '../../shared/feedback/askForFeedback';
import type { FeedbackDraft } from '../../shared/feedback/feedbackDraft';
import { ANONYMITY_THRESHOLD, MAX_RESPONDENTS, feedbackRelation } from '../../shared/feedback/feedbackRequest';
import { limits } from '../../shared/limits';
import { cardHeading, adaptiveCard, type AdaptiveCard, type CardElement } from './adaptiveCard';
import { en, fillPlaceholders, type BotStrings } from './strings';

export const feedbackAskVerbs = {
  chooseGoal: 'feedbackAsk.goal',
  create: 'feedbackAsk.create',
} as const;

export const feedbackAskInputs = {
  goal: 'goalId',
  /** Indexes into the priority's behaviors, comma-joined (a behavior's text may hold commas). */
  behaviors: 'behaviors',
  extraBehaviors: 'extraBehaviors',
  /** Entra object ids from the people picker, comma-joined. */
  respondents: 'respondents',
  relation: 'relation',
  closesOn: 'closesOn',
  anonymous: 'anonymous',
} as const;

/** Lines of "other behaviors": twelve behaviors of at most 200 characters and their line breaks. */
export const EXTRA_BEHAVIORS_MAX = limits.behaviors * (limits.shortText + 1);

export interface FeedbackGoalPickerData {
  /** Active goals of the pairs the person is mentee of; `mentorName` when they are in several. */
  goals: readonly { pairId: string; goalId: string; title: string; mentorName?: string }[];
}

/** A goal of a pair, as one choice value: entity ids hold no `/`, so it splits back unambiguously. */
export const feedbackGoalValue = (pairId: string, goalId: string) => `${pairId}/${goalId}`;

export function feedbackGoalPickerCard(data: FeedbackGoalPickerData, strings: BotStrings = en): AdaptiveCard {
  const s = strings.feedbackAsk;
  const title = (g: FeedbackGoalPickerData['goals'][number]) =>
    g.mentorName ? fillPlaceholders(s.goalWithMentor, { mentor: g.mentorName, goal: g.title }) : g.title;
  return adaptiveCard(
    [
      cardHeading(s.goalTitle),
      { type: 'TextBlock', text: s.goalIntro, wrap: true, spacing: 'Small' },
      {
        type: 'Input.ChoiceSet',
        id: feedbackAskInputs.goal,
        label: s.goalLabel,
        placeholder: s.goalPlaceholder,
        isRequired: true,
        errorMessage: s.goalError,
        choices: data.goals.map((g) => ({ title: title(g), value: feedbackGoalValue(g.pairId, g.goalId) })),
        spacing: 'Medium',
      },
    ],
    [{ type: 'Action.Execute', title: s.next, verb: feedbackAskVerbs.chooseGoal, style: 'positive', data: {} }],
    s.fallbackText,
  );
}

export interface FeedbackAskCardData {
  pairId: string;
  /** The goal, its priority's behaviors (all chosen at first) and the close dates, as every door offers them. */
  draft: FeedbackDraft;
  /** Names this filling-in of the card: a retried submit is stored once (see feedbackRequestInput). */
  submissionId: string;
  /** What was sent (input id -> value), kept when the request is refused. */
  values?: Readonly<Record<string, string>>;
  problems?: readonly string[];
}

export function feedbackAskCard(data: FeedbackAskCardData, strings: BotStrings = en): AdaptiveCard {
  const s = strings.feedbackAsk;
  const values = data.values ?? {};
  const kept = (id: string, fallback?: string) => {
    const value = values[id] ?? fallback;
    return value !== undefined && value !== '' ? { value } : {};
  };
  const { draft } = data;
  const body: CardElement[] = [cardHeading(fillPlaceholders(s.title, { goal: draft.goal.title }))];
  if (data.problems && data.problems.length > 0) {
    body.push({
      type: 'Container',
      style: 'attention',
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: s.problemsTitle, weight: 'Bolder', wrap: true },
        ...data.problems.map((p) => ({ type: 'TextBlock' as const, text: `- ${p}`, wrap: true, spacing: 'Small' as const })),
      ],
    });
  }
  if (draft.behaviors.length > 0) {
    body.push({
      type: 'Input.ChoiceSet',
      id: feedbackAskInputs.behaviors,
      label: s.behaviorsLabel,
      isMultiSelect: true,
      style: 'expanded',
      choices: draft.behaviors.map((title, i) => ({ title, value: String(i) })),
      spacing: 'Medium',
      ...kept(feedbackAskInputs.behaviors, draft.behaviors.map((_, i) => String(i)).join(',')),
    });
  } else {
    body.push({ type: 'TextBlock', text: s.noBehaviors, wrap: true, spacing: 'Medium' });
  }
  body.push(
    {
      type: 'Input.Text',
      id: feedbackAskInputs.extraBehaviors,
      label: s.extraBehaviorsLabel,
      isMultiline: true,
      maxLength: EXTRA_BEHAVIORS_MAX,
      ...kept(feedbackAskInputs.extraBehaviors),
    },
    {
      type: 'Input.ChoiceSet',
      id: feedbackAskInputs.respondents,
      label: fillPlaceholders(s.respondentsLabel, { max: String(MAX_RESPONDENTS) }),
      isMultiSelect: true,
      isRequired: true,
      errorMessage: s.respondentsError,
      // Teams' people picker: the client searches the organization and sends Entra object ids.
      choices: [],
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
      spacing: 'Medium',
      ...kept(feedbackAskInputs.respondents),
    },
    {
      type: 'Input.ChoiceSet',
      id: feedbackAskInputs.relation,
      label: s.relationLabel,
      style: 'expanded',
      isRequired: true,
      errorMessage: s.relationError,
      choices: feedbackRelation.options.map((value) => ({ title: s.relationChoices[value], value })),
      ...kept(feedbackAskInputs.relation, 'peer'),
    },
    {
      type: 'Input.Date',
      id: feedbackAskInputs.closesOn,
      label: s.closesOnLabel,
      isRequired: true,
      errorMessage: s.closesOnError,
      min: draft.earliestClose,
      ...kept(feedbackAskInputs.closesOn, draft.closesOn),
    },
    {
      type: 'Input.Toggle',
      id: feedbackAskInputs.anonymous,
      title: fillPlaceholders(s.anonymousTitle, { threshold: String(ANONYMITY_THRESHOLD) }),
      ...(values[feedbackAskInputs.anonymous] === 'true' ? { value: 'true' as const } : {}),
    },
  );
  return adaptiveCard(
    body,
    [
      {
        type: 'Action.Execute',
        title: s.send,
        verb: feedbackAskVerbs.create,
        style: 'positive',
        data: { pairId: data.pairId, goalId: draft.goal.id, submissionId: data.submissionId },
      },
    ],
    s.fallbackText,
  );
}

export interface FeedbackSentCardData {
  goalTitle: string;
  closesOn: string;
  anonymous: boolean;
  delivery: readonly DeliveryOutcome[];
}

/** Who got the request card, who did not (and how to reach them), and who is still being sent to. */
export function feedbackSentCard(data: FeedbackSentCardData, strings: BotStrings = en): AdaptiveCard {
  const s = strings.feedbackAsk;
  const names = (list: readonly DeliveryOutcome[]) => list.map((d) => d.displayName).join(', ');
  const delivered = data.delivery.filter((d) => d.delivered);
  const pending = data.delivery.filter((d) => !d.delivered && d.pending);
  const missed = data.delivery.filter((d) => !d.delivered && !d.pending);
  const body: CardElement[] = [
    cardHeading(s.sentTitle),
    {
      type: 'TextBlock',
      text: fillPlaceholders(s.sentIntro, { goal: data.goalTitle, date: data.closesOn, anonymous: data.anonymous ? s.sentAnonymous : '' }),
      wrap: true,
      spacing: 'Small',
    },
  ];
  if (delivered.length)
    body.push({ type: 'TextBlock', text: fillPlaceholders(s.deliveredTo, { names: names(delivered) }), wrap: true, spacing: 'Medium' });
  if (pending.length)
    body.push({ type: 'TextBlock', text: fillPlaceholders(s.pending, { names: names(pending) }), wrap: true, spacing: 'Medium' });
  if (missed.length)
    body.push({
      type: 'Container',
      style: 'warning',
      spacing: 'Medium',
      items: [{ type: 'TextBlock', text: fillPlaceholders(s.notDelivered, { names: names(missed) }), wrap: true }],
    });
  return adaptiveCard(body, [], s.sentFallbackText);
}
