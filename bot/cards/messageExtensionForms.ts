// The dialogs (task modules) of the message extension's action commands: Send feedback, Recognize a
// win and the two steps of Request feedback. A dialog submits with Action.Submit; the bot answers
// with the card for the chat, or the same dialog again with what was typed and what to fix.
import { ANONYMITY_THRESHOLD, MAX_RESPONDENTS, type FeedbackRelation } from '../../shared/feedback/feedbackRequest';
import { limits } from '../../shared/limits';
import { WIN_TEXT_MAX } from '../../shared/recognition/win';
import { cardHeading, adaptiveCard, type CardElement, type ChoiceSetInput, type DialogCard, type SubmitAction } from './adaptiveCard';
import { en, fillPlaceholders, type BotStrings } from './strings';

/** Input ids of the dialogs; the bot reads the submit by these names. */
export const meInputs = {
  /** A goal, as `goalChoiceValue` writes it. */
  goal: 'goal',
  pair: 'pair',
  text: 'text',
  shareInDigest: 'shareInDigest',
  /** Multi-select of the priority's behaviors by position: a behavior's text may hold a comma. */
  behaviors: 'behaviors',
  extraBehaviors: 'extraBehaviors',
  relation: (personId: string) => `relation.${personId}`,
  closesOn: 'closesOn',
  anonymous: 'anonymous',
} as const;

/** A dialog lists at most this many goals (the caller puts the most recently changed first), so it stays under Teams' card size limit. */
export const GOAL_CHOICES_MAX = 50;
/** A choice's title is cut here: a long mentee name and goal title must still fit a dropdown line. */
const CHOICE_TITLE_MAX = 100;

/** The two steps of Request feedback, carried in the dialog's submit data. */
export const requestFeedbackSteps = { chooseGoal: 'chooseGoal', details: 'details' } as const;

export type RelationChoice = FeedbackRelation | 'none';
export const relationChoices: readonly RelationChoice[] = ['peer', 'supervisor', 'customer', 'none'];

/** Entity ids hold no `/`, so a goal travels as one choice value and splits back unambiguously. */
export const goalChoiceValue = (pairId: string, goalId: string) => `${pairId}/${goalId}`;

export function parseGoalChoice(value: unknown): { pairId: string; goalId: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const [pairId, goalId, ...rest] = value.split('/');
  return pairId && goalId && rest.length === 0 ? { pairId, goalId } : undefined;
}

/** A multi-select's value: the chosen values joined by commas. */
export const multiSelectValues = (value: unknown): string[] =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : [];

export interface GoalChoice {
  pairId: string;
  goalId: string;
  goalTitle: string;
  /** Set when the goals of several mentees are listed together. */
  menteeName?: string;
}

interface FormState {
  /** What was typed (input id -> value as the dialog sent it), shown again when a submit is refused. */
  values?: Readonly<Record<string, string>>;
  /** What to fix, one sentence each. */
  problems?: readonly string[];
}

const paragraph = (text: string, subtle = false): CardElement => ({
  type: 'TextBlock',
  text,
  wrap: true,
  spacing: 'Small',
  ...(subtle ? { isSubtle: true } : {}),
});

function problemsBlock(problems: readonly string[] | undefined, strings: BotStrings): CardElement[] {
  if (!problems || problems.length === 0) return [];
  return [
    {
      type: 'Container',
      style: 'attention',
      spacing: 'Medium',
      items: [
        { type: 'TextBlock', text: strings.messageExtension.problemsTitle, weight: 'Bolder', wrap: true },
        ...problems.map((p): CardElement => ({ type: 'TextBlock', text: `- ${p}`, wrap: true, spacing: 'Small' })),
      ],
    },
  ];
}

/** The typed value again, cut to what the input accepts (a refused over-long text is shown cut, with the reason above). */
function kept(values: FormState['values'], id: string, max?: number): { value?: string } {
  const value = values?.[id];
  if (value === undefined || value === '') return {};
  return { value: max === undefined ? value : value.slice(0, max) };
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

const goalChoiceTitle = (g: GoalChoice, strings: BotStrings) =>
  clip(
    g.menteeName ? fillPlaceholders(strings.messageExtension.goalChoice, { mentee: g.menteeName, goal: g.goalTitle }) : g.goalTitle,
    CHOICE_TITLE_MAX,
  );

/** The goal dropdown, and a note when some goals were left out of it. */
function goalChoiceSet(
  goals: readonly GoalChoice[],
  labels: { label: string; placeholder: string; error?: string },
  values: FormState['values'],
  strings: BotStrings,
): CardElement[] {
  const listed = goals.slice(0, GOAL_CHOICES_MAX);
  const only = listed.length === 1 && labels.error ? { value: goalChoiceValue(listed[0]!.pairId, listed[0]!.goalId) } : {};
  const input: ChoiceSetInput = {
    type: 'Input.ChoiceSet',
    id: meInputs.goal,
    label: labels.label,
    placeholder: labels.placeholder,
    choices: listed.map((g) => ({ title: goalChoiceTitle(g, strings), value: goalChoiceValue(g.pairId, g.goalId) })),
    ...(labels.error ? { isRequired: true, errorMessage: labels.error } : {}),
    ...only,
    ...kept(values, meInputs.goal),
  };
  return goals.length > listed.length
    ? [input, paragraph(fillPlaceholders(strings.messageExtension.moreGoalChoices, { max: String(GOAL_CHOICES_MAX) }), true)]
    : [input];
}

function textInput(
  id: string,
  label: string,
  placeholder: string,
  max: number,
  values: FormState['values'],
  strings: BotStrings,
): CardElement {
  const errorMessage = fillPlaceholders(strings.messageExtension.textError, { max: String(max) });
  return {
    type: 'Input.Text',
    id,
    label,
    placeholder,
    isMultiline: true,
    maxLength: max,
    isRequired: true,
    errorMessage,
    spacing: 'Medium',
    ...kept(values, id, max),
  };
}

const dialogCard = (body: CardElement[], actions: SubmitAction[], fallbackText: string): DialogCard => ({
  ...adaptiveCard(body, [], fallbackText),
  actions,
});

const submit = (title: string, data?: Record<string, string>): SubmitAction => ({
  type: 'Action.Submit',
  title,
  style: 'positive',
  ...(data ? { data } : {}),
});

/** A dialog that only says something: nobody to send feedback to, a storage outage, a stale form. */
export function noticeForm(title: string, message: string): DialogCard {
  return dialogCard([cardHeading(title), { type: 'TextBlock', text: message, wrap: true, spacing: 'Medium' }], [], message);
}

export function sendFeedbackForm(input: FormState & { goals: readonly GoalChoice[] }, strings: BotStrings = en): DialogCard {
  const s = strings.messageExtension.sendFeedback;
  return dialogCard(
    [
      cardHeading(s.title),
      paragraph(s.intro, true),
      ...problemsBlock(input.problems, strings),
      ...goalChoiceSet(input.goals, { label: s.goalLabel, placeholder: s.goalPlaceholder, error: s.goalError }, input.values, strings),
      textInput(meInputs.text, s.textLabel, s.textPlaceholder, limits.longText, input.values, strings),
    ],
    [submit(s.submit)],
    s.title,
  );
}

export interface RecognizeWinFormInput extends FormState {
  /** The plans the win can go in: the actor's mentees', and their own. */
  pairs: readonly { pairId: string; title: string }[];
  goals: readonly GoalChoice[];
  /** The actor is a mentee somewhere: only then is there a digest consent to give. */
  canShare: boolean;
}

export function recognizeWinForm(input: RecognizeWinFormInput, strings: BotStrings = en): DialogCard {
  const s = strings.messageExtension.recognizeWin;
  const { values } = input;
  const onlyPair = input.pairs.length === 1 ? { value: input.pairs[0]!.pairId } : {};
  const body: CardElement[] = [
    cardHeading(s.title),
    paragraph(s.intro, true),
    ...problemsBlock(input.problems, strings),
    {
      type: 'Input.ChoiceSet',
      id: meInputs.pair,
      label: s.pairLabel,
      placeholder: s.pairPlaceholder,
      isRequired: true,
      errorMessage: s.pairError,
      choices: input.pairs.map((p) => ({ title: p.title, value: p.pairId })),
      ...onlyPair,
      ...kept(values, meInputs.pair),
    },
    ...goalChoiceSet(input.goals, { label: s.goalLabel, placeholder: s.goalPlaceholder }, values, strings),
    textInput(meInputs.text, s.textLabel, s.textPlaceholder, WIN_TEXT_MAX, values, strings),
  ];
  if (input.canShare)
    body.push({
      type: 'Input.Toggle',
      id: meInputs.shareInDigest,
      title: s.shareLabel,
      spacing: 'Medium',
      ...(values?.[meInputs.shareInDigest] === 'true' ? { value: 'true' as const } : {}),
    });
  return dialogCard(body, [submit(s.submit)], s.title);
}

export interface RequestFeedbackGoalFormInput extends FormState {
  goals: readonly GoalChoice[];
  /** How many people of the chat can be asked; undefined when the chat's members could not be read. */
  askable: number | undefined;
}

export function requestFeedbackGoalForm(input: RequestFeedbackGoalFormInput, strings: BotStrings = en): DialogCard {
  const s = strings.messageExtension.requestFeedback;
  const members = input.askable === undefined ? s.membersUnknown : fillPlaceholders(s.membersFound, { count: String(input.askable) });
  return dialogCard(
    [
      cardHeading(s.title),
      paragraph(s.intro, true),
      ...problemsBlock(input.problems, strings),
      ...goalChoiceSet(input.goals, { label: s.goalLabel, placeholder: s.goalPlaceholder, error: s.goalError }, input.values, strings),
      paragraph(members, true),
    ],
    [submit(s.next, { step: requestFeedbackSteps.chooseGoal })],
    s.title,
  );
}

export interface ChatMemberChoice {
  personId: string;
  name: string;
  /** Preselected: a guest is most likely a customer, anyone else a peer. */
  relation: RelationChoice;
}

export interface RequestFeedbackDetailsFormInput extends FormState {
  pairId: string;
  goalId: string;
  goalTitle: string;
  /** The behaviors of the goal's strategic priority, all preselected. */
  behaviors: readonly string[];
  members: readonly ChatMemberChoice[];
  /** The chat has more people than a request can name; only the first are listed. */
  moreMembers: boolean;
  /** Suggested close date, and the earliest allowed (both `YYYY-MM-DD`). */
  closesOn: string;
  earliestClose: string;
  /** Names this filling-in of the dialog: a retried submit is stored once (see feedbackRequestInput). */
  submissionId: string;
}

export function requestFeedbackDetailsForm(input: RequestFeedbackDetailsFormInput, strings: BotStrings = en): DialogCard {
  const s = strings.messageExtension.requestFeedback;
  const { values } = input;
  const body: CardElement[] = [
    cardHeading(s.title),
    paragraph(fillPlaceholders(s.detailsIntro, { goal: input.goalTitle })),
    ...problemsBlock(input.problems, strings),
  ];
  const behaviorsChosen = values?.[meInputs.behaviors] ?? input.behaviors.map((_, i) => String(i)).join(',');
  if (input.behaviors.length > 0) {
    body.push({
      type: 'Input.ChoiceSet',
      id: meInputs.behaviors,
      label: s.behaviorsLabel,
      isMultiSelect: true,
      style: 'expanded',
      choices: input.behaviors.map((title, i) => ({ title, value: String(i) })),
      ...(behaviorsChosen ? { value: behaviorsChosen } : {}),
    });
  }
  body.push({
    type: 'Input.Text',
    id: meInputs.extraBehaviors,
    label: s.extraBehaviorsLabel,
    placeholder: s.extraBehaviorsPlaceholder,
    isMultiline: true,
    maxLength: limits.shortText * limits.behaviors,
    spacing: 'Medium',
    ...kept(values, meInputs.extraBehaviors),
  });
  body.push({ type: 'TextBlock', text: s.peopleHeading, weight: 'Bolder', wrap: true, spacing: 'Medium' });
  if (input.members.length === 0) body.push(paragraph(s.nobodyToAsk));
  for (const member of input.members) {
    const id = meInputs.relation(member.personId);
    body.push({
      type: 'Input.ChoiceSet',
      id,
      label: fillPlaceholders(s.relationLabel, { name: member.name }),
      choices: relationChoices.map((r) => ({ title: s.relations[r], value: r })),
      value: values?.[id] ?? member.relation,
      spacing: 'Small',
    });
  }
  if (input.moreMembers) body.push(paragraph(fillPlaceholders(s.moreMembers, { max: String(MAX_RESPONDENTS) }), true));
  body.push({
    type: 'Input.Date',
    id: meInputs.closesOn,
    label: s.closesOnLabel,
    isRequired: true,
    errorMessage: s.closesOnError,
    min: input.earliestClose,
    value: values?.[meInputs.closesOn] || input.closesOn,
    spacing: 'Medium',
  });
  body.push({
    type: 'Input.Toggle',
    id: meInputs.anonymous,
    title: fillPlaceholders(s.anonymousLabel, { threshold: String(ANONYMITY_THRESHOLD) }),
    spacing: 'Medium',
    ...(values?.[meInputs.anonymous] === 'true' ? { value: 'true' as const } : {}),
  });
  return dialogCard(
    body,
    [
      submit(s.submit, {
        step: requestFeedbackSteps.details,
        pairId: input.pairId,
        goalId: input.goalId,
        submissionId: input.submissionId,
      }),
    ],
    s.title,
  );
}
