// The 360 feedback cards a respondent sees: the request (a rating per behavior, one example, one
// suggestion), the thank-you summary that replaces it, and the polite refusals. The request card
// may be posted into a group chat (message extension): its `refresh` names the respondents, so each
// of them gets their own view from the bot while everyone else sees the base card.
import { ANONYMITY_THRESHOLD, FEEDBACK_TEXT_MAX, type FeedbackRequest, type FeedbackResponse } from '../../shared/feedback/feedbackRequest';
import { cardHeading, adaptiveCard, type AdaptiveCard, type CardElement, type ExecuteAction } from './adaptiveCard';
import { en, fillPlaceholders, type BotStrings } from './strings';

/** The verbs of the feedback cards' Universal Actions: the bot routes on these, nothing else. */
export const feedbackVerbs = {
  respond: 'feedback.respond',
  refresh: 'feedback.refresh',
  /** From the thank-you card: the form again, filled with the stored answer. */
  edit: 'feedback.edit',
} as const;

/** Input ids. A behavior's text may hold any character, so its rating input goes by position. */
export const feedbackInputs = {
  rating: (index: number) => `rating.${index}`,
  example: 'example',
  suggestion: 'suggestion',
} as const;

/** Teams gives user-specific views to at most 60 people per card. */
export const REFRESH_USERS_MAX = 60;

export interface FeedbackRequestCardInput {
  request: FeedbackRequest;
  menteeName: string;
  goalTitle: string;
  /** What the respondent typed (input id -> value as the card sent it), kept when an answer is refused. */
  values?: Readonly<Record<string, string>>;
  /** What to fix, one sentence each, shown above the questions. */
  problems?: readonly string[];
  /** The one reminder to pending respondents: says so at the top. */
  reminder?: boolean;
}

/** The card's data on every action: where the request lives. Who acts is the activity's sender. */
const requestRef = (request: FeedbackRequest) => ({ pairId: request.pairId, requestId: request.id });

/**
 * A Teams user's MRI from their Entra object id: what `refresh.userIds` names. Teams sends the
 * refresh invoke only from these people's clients.
 */
export const teamsUserMri = (personId: string) => `8:orgid:${personId}`;

function refreshFor(request: FeedbackRequest, s: BotStrings['feedback']): NonNullable<AdaptiveCard['refresh']> {
  const action: ExecuteAction = { type: 'Action.Execute', title: s.refresh, verb: feedbackVerbs.refresh, data: requestRef(request) };
  return { action, userIds: request.respondents.slice(0, REFRESH_USERS_MAX).map((r) => teamsUserMri(r.personId)) };
}

const subtle = (text: string): CardElement => ({ type: 'TextBlock', text, isSubtle: true, wrap: true, spacing: 'Small' });

function introBlocks(
  input: Pick<FeedbackRequestCardInput, 'request' | 'menteeName' | 'goalTitle'>,
  s: BotStrings['feedback'],
): CardElement[] {
  const { request, menteeName } = input;
  return [
    cardHeading(fillPlaceholders(s.title, { mentee: menteeName })),
    { type: 'TextBlock', text: fillPlaceholders(s.goal, { goal: input.goalTitle }), wrap: true, spacing: 'Small' },
    subtle(
      request.anonymous
        ? fillPlaceholders(s.anonymous, { threshold: String(ANONYMITY_THRESHOLD) })
        : fillPlaceholders(s.attributed, { mentee: menteeName }),
    ),
    subtle(fillPlaceholders(s.closesOn, { date: request.closesOn })),
  ];
}

/** The request: one rating per behavior, an example and a suggestion; the client checks them before sending. */
export function feedbackRequestCard(input: FeedbackRequestCardInput, strings: BotStrings = en): AdaptiveCard {
  const s = strings.feedback;
  const { request } = input;
  const values = input.values ?? {};
  const kept = (id: string, max?: number) => {
    const value = values[id];
    return value !== undefined && value !== '' ? { value: max === undefined ? value : value.slice(0, max) } : {};
  };
  const body = introBlocks(input, s);
  if (input.reminder) {
    body.unshift({
      type: 'Container',
      style: 'emphasis',
      items: [{ type: 'TextBlock', text: fillPlaceholders(s.reminderIntro, { date: request.closesOn }), weight: 'Bolder', wrap: true }],
    });
  }
  if (input.problems && input.problems.length > 0) {
    body.push({
      type: 'Container',
      style: 'attention',
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: s.problemsTitle, weight: 'Bolder', wrap: true },
        ...input.problems.map((p) => ({ type: 'TextBlock' as const, text: `- ${p}`, wrap: true, spacing: 'Small' as const })),
      ],
    });
  }
  body.push({ type: 'TextBlock', text: s.ratingsIntro, wrap: true, spacing: 'Medium' });
  request.behaviors.forEach((behavior, i) => {
    const id = feedbackInputs.rating(i);
    body.push({
      type: 'Input.ChoiceSet',
      id,
      label: behavior,
      // The default (compact) dropdown per behavior keeps twelve behaviors readable on a phone.
      placeholder: s.ratingPlaceholder,
      isRequired: true,
      errorMessage: s.ratingError,
      choices: s.ratingChoices.map((title, n) => ({ title, value: String(n + 1) })),
      ...kept(id),
    });
  });
  const textError = fillPlaceholders(s.textError, { max: String(FEEDBACK_TEXT_MAX) });
  for (const [id, label, placeholder] of [
    [feedbackInputs.example, s.exampleLabel, s.examplePlaceholder],
    [feedbackInputs.suggestion, s.suggestionLabel, s.suggestionPlaceholder],
  ] as const) {
    body.push({
      type: 'Input.Text',
      id,
      label,
      placeholder,
      isMultiline: true,
      maxLength: FEEDBACK_TEXT_MAX,
      isRequired: true,
      errorMessage: textError,
      spacing: 'Medium',
      ...kept(id, FEEDBACK_TEXT_MAX),
    });
  }
  const submit: ExecuteAction = {
    type: 'Action.Execute',
    title: s.submit,
    verb: feedbackVerbs.respond,
    style: 'positive',
    data: requestRef(request),
  };
  return {
    ...adaptiveCard(body, [submit], fillPlaceholders(s.fallbackText, { mentee: input.menteeName })),
    refresh: refreshFor(request, s),
  };
}

/** The form's values filled from a stored answer, for "change my answer". */
export function feedbackCardValues(
  request: FeedbackRequest,
  response: Pick<FeedbackResponse, 'ratings' | 'example' | 'suggestion'>,
): Record<string, string> {
  const values: Record<string, string> = { [feedbackInputs.example]: response.example, [feedbackInputs.suggestion]: response.suggestion };
  request.behaviors.forEach((behavior, i) => {
    const rating = response.ratings[behavior];
    if (rating !== undefined) values[feedbackInputs.rating(i)] = String(rating);
  });
  return values;
}

/**
 * The answer as the card sent it, shaped for the `feedbackAnswer` schema (the service checks it):
 * ratings by behavior text, texts as typed. Unknown keys and unanswered ratings are left out.
 */
export function answerFromFeedbackInputs(
  request: FeedbackRequest,
  inputs: Readonly<Record<string, unknown>>,
): { answer: Record<string, unknown>; values: Record<string, string> } {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (typeof value === 'string') values[key] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) values[key] = String(value);
  }
  const ratings: Record<string, number> = {};
  request.behaviors.forEach((behavior, i) => {
    const raw = values[feedbackInputs.rating(i)]?.trim();
    // "4.5" or "x" stays NaN and is refused by the schema with the behavior's name.
    if (raw) ratings[behavior] = Number(raw);
  });
  return {
    answer: { ratings, example: values[feedbackInputs.example] ?? '', suggestion: values[feedbackInputs.suggestion] ?? '' },
    values,
  };
}

export interface FeedbackThanksCardInput {
  request: FeedbackRequest;
  menteeName: string;
  goalTitle: string;
  response: FeedbackResponse;
  /** Whether the request still takes answers: then the card offers to change the answer. */
  open: boolean;
}

/** What replaces the request once answered: the answer as stored, and until when it can change. */
export function feedbackThanksCard(input: FeedbackThanksCardInput, strings: BotStrings = en): AdaptiveCard {
  const s = strings.feedback;
  const { request, response } = input;
  const when = (response.updatedAt ?? response.answeredAt).slice(0, 16).replace('T', ' ') + ' UTC';
  const body: CardElement[] = [
    cardHeading(s.thanksTitle),
    {
      type: 'TextBlock',
      text: fillPlaceholders(response.updatedAt ? s.thanksUpdated : s.thanksFor, {
        mentee: input.menteeName,
        goal: input.goalTitle,
        answeredAt: when,
      }),
      wrap: true,
      spacing: 'Small',
    },
    {
      type: 'FactSet',
      spacing: 'Medium',
      facts: request.behaviors.map((behavior) => ({
        title: behavior,
        value:
          response.ratings[behavior] === undefined ? '—' : fillPlaceholders(s.ratingValue, { value: String(response.ratings[behavior]) }),
      })),
    },
    { type: 'TextBlock', text: s.exampleHeading, weight: 'Bolder', wrap: true, spacing: 'Medium' },
    { type: 'TextBlock', text: response.example, wrap: true, spacing: 'Small' },
    { type: 'TextBlock', text: s.suggestionHeading, weight: 'Bolder', wrap: true, spacing: 'Medium' },
    { type: 'TextBlock', text: response.suggestion, wrap: true, spacing: 'Small' },
  ];
  if (input.open) body.push(subtle(fillPlaceholders(s.changeUntil, { date: request.closesOn })));
  const actions: ExecuteAction[] = input.open
    ? [{ type: 'Action.Execute', title: s.change, verb: feedbackVerbs.edit, data: requestRef(request) }]
    : [];
  return { ...adaptiveCard(body, actions, s.thanksFallbackText), refresh: refreshFor(request, s) };
}

/** For someone the request does not name: polite, and it reveals nothing of the request or its answers. */
export function feedbackNotForYouCard(strings: BotStrings = en): AdaptiveCard {
  const s = strings.feedback;
  return adaptiveCard(
    [cardHeading(s.notForYouTitle), { type: 'TextBlock', text: s.notForYou, wrap: true, spacing: 'Medium' }],
    [],
    s.notForYouFallbackText,
  );
}

/** A request past its close date (or closed): no form any more. */
export function feedbackClosedCard(request: Pick<FeedbackRequest, 'closesOn'>, strings: BotStrings = en): AdaptiveCard {
  const s = strings.feedback;
  return adaptiveCard(
    [
      cardHeading(s.closedTitle),
      { type: 'TextBlock', text: fillPlaceholders(s.closed, { date: request.closesOn }), wrap: true, spacing: 'Medium' },
    ],
    [],
    s.closedFallbackText,
  );
}
