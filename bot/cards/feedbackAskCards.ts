// The bot's "ask for feedback" flow, as cards: pick one of my active goals, then the behaviors
// (prefilled from the goal's priority), the respondents with Teams' people picker, their relation,
// the close date and anonymity; then what was sent to whom.
import type { FeedbackDelivery } from '../../shared/api';
import { ANONYMITY_THRESHOLD, MAX_RESPONDENTS, feedbackRelation } from '../../shared/feedback/feedbackRequest';
import { limits } from '../../shared/limits';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './adaptiveCard';
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

const heading = (text: string): CardElement => ({ type: 'TextBlock', text, style: 'heading', size: 'Large', weight: 'Bolder', wrap: true });

export interface FeedbackGoalPickerData {
  pairId: string;
  goals: readonly { id: string; title: string }[];
}

export function feedbackGoalPickerCard(data: FeedbackGoalPickerData, strings: BotStrings = en): AdaptiveCard {
  const s = strings.feedbackAsk;
  return adaptiveCard(
    [
      heading(s.goalTitle),
      { type: 'TextBlock', text: s.goalIntro, wrap: true, spacing: 'Small' },
      {
        type: 'Input.ChoiceSet',
        id: feedbackAskInputs.goal,
        label: s.goalLabel,
        placeholder: s.goalPlaceholder,
        isRequired: true,
        errorMessage: s.goalError,
        choices: data.goals.map((g) => ({ title: g.title, value: g.id })),
        spacing: 'Medium',
      },
    ],
    [{ type: 'Action.Execute', title: s.next, verb: feedbackAskVerbs.chooseGoal, style: 'positive', data: { pairId: data.pairId } }],
    s.fallbackText,
  );
}

export interface FeedbackAskCardData {
  pairId: string;
  goal: { id: string; title: string };
  /** The goal's priority's behaviors, all chosen at first. */
  behaviors: readonly string[];
  /** The mentee's local today: the close date must come after it. */
  today: string;
  defaultClosesOn: string;
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
  const body: CardElement[] = [heading(fillPlaceholders(s.title, { goal: data.goal.title }))];
  if (data.problems && data.problems.length > 0) {
    body.push({
      type: 'Container',
      style: 'attention',
      spacing: 'Medium',
      items: [{ type: 'TextBlock', text: s.problemsTitle, weight: 'Bolder', wrap: true }, ...data.problems.map((p) => ({ type: 'TextBlock' as const, text: `- ${p}`, wrap: true, spacing: 'Small' as const }))],
    });
  }
  if (data.behaviors.length > 0) {
    body.push({
      type: 'Input.ChoiceSet',
      id: feedbackAskInputs.behaviors,
      label: s.behaviorsLabel,
      isMultiSelect: true,
      style: 'expanded',
      choices: data.behaviors.map((title, i) => ({ title, value: String(i) })),
      spacing: 'Medium',
      ...kept(feedbackAskInputs.behaviors, data.behaviors.map((_, i) => String(i)).join(',')),
    });
  } else {
    body.push({ type: 'TextBlock', text: s.noBehaviors, wrap: true, spacing: 'Medium' });
  }
  body.push(
    { type: 'Input.Text', id: feedbackAskInputs.extraBehaviors, label: s.extraBehaviorsLabel, isMultiline: true, maxLength: EXTRA_BEHAVIORS_MAX, ...kept(feedbackAskInputs.extraBehaviors) },
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
    { type: 'Input.Date', id: feedbackAskInputs.closesOn, label: s.closesOnLabel, isRequired: true, errorMessage: s.closesOnError, min: data.today, ...kept(feedbackAskInputs.closesOn, data.defaultClosesOn) },
    {
      type: 'Input.Toggle',
      id: feedbackAskInputs.anonymous,
      title: fillPlaceholders(s.anonymousTitle, { threshold: String(ANONYMITY_THRESHOLD) }),
      ...(values[feedbackAskInputs.anonymous] === 'true' ? { value: 'true' as const } : {}),
    },
  );
  return adaptiveCard(body, [{ type: 'Action.Execute', title: s.send, verb: feedbackAskVerbs.create, style: 'positive', data: { pairId: data.pairId, goalId: data.goal.id, submissionId: data.submissionId } }], s.fallbackText);
}

export interface FeedbackSentCardData {
  goalTitle: string;
  closesOn: string;
  anonymous: boolean;
  delivery: readonly (FeedbackDelivery & { pending?: boolean })[];
}

/** Who got the request card, who did not (and how to reach them), and who is still being sent to. */
export function feedbackSentCard(data: FeedbackSentCardData, strings: BotStrings = en): AdaptiveCard {
  const s = strings.feedbackAsk;
  const names = (list: readonly FeedbackDelivery[]) => list.map((d) => d.displayName).join(', ');
  const delivered = data.delivery.filter((d) => d.delivered);
  const pending = data.delivery.filter((d) => !d.delivered && d.pending);
  const missed = data.delivery.filter((d) => !d.delivered && !d.pending);
  const body: CardElement[] = [
    heading(s.sentTitle),
    { type: 'TextBlock', text: fillPlaceholders(s.sentIntro, { goal: data.goalTitle, date: data.closesOn, anonymous: data.anonymous ? s.sentAnonymous : '' }), wrap: true, spacing: 'Small' },
  ];
  if (delivered.length) body.push({ type: 'TextBlock', text: fillPlaceholders(s.deliveredTo, { names: names(delivered) }), wrap: true, spacing: 'Medium' });
  if (pending.length) body.push({ type: 'TextBlock', text: fillPlaceholders(s.pending, { names: names(pending) }), wrap: true, spacing: 'Medium' });
  if (missed.length) body.push({ type: 'Container', style: 'warning', spacing: 'Medium', items: [{ type: 'TextBlock', text: fillPlaceholders(s.notDelivered, { names: names(missed) }), wrap: true }] });
  return adaptiveCard(body, [], s.sentFallbackText);
}
