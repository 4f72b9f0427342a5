// The check-in card the mentee answers in the chat: progress per active goal, confidence, wins,
// blockers, next steps and a help request. The client checks the inputs before sending
// (isRequired, min/max, maxLength); the server checks again, and a refused answer comes back as
// this card with what was typed kept and a note on what to fix.
import { goalProgressStatus, goalProgressStatusLabel } from '../../shared/checkins/checkIn';
import { checkInCardQuestions, type CheckInQuestion } from '../../shared/checkins/checkInQuestions';
import { isMeasurable, progressBounds } from '../../shared/checkins/checkInService';
import type { Goal } from '../../shared/goal';
import { limits } from '../../shared/limits';
import { cardHeading, adaptiveCard, type AdaptiveCard, type CardElement, type CardInput } from './adaptiveCard';
import { en, fillPlaceholders, type BotStrings } from './strings';

/** The verbs of the check-in cards' Universal Actions: the bot routes on these, nothing else. */
export const checkInVerbs = {
  submit: 'checkIn.submit',
  comment: 'checkIn.comment',
} as const;

/** The card's input ids. Goal inputs carry the goal id (ids use letters, digits, - and _). */
export const checkInInputs = {
  confidence: 'confidence',
  wins: 'wins',
  blockers: 'blockers',
  nextSteps: 'nextSteps',
  needHelpWith: 'needHelpWith',
  /** One of the program's own questions, by its place in the check-in's questions. */
  question: (index: number) => `question.${index}`,
  goalCurrent: (goalId: string) => `goal.${goalId}.current`,
  goalStatus: (goalId: string) => `goal.${goalId}.status`,
} as const;

export type CheckInCardGoal = Pick<Goal, 'id' | 'title' | 'unit' | 'baseline' | 'target' | 'current'>;

export interface CheckInCardData {
  pairId: string;
  slot: string;
  mentorName: string;
  /** The check-in's questions (stored with it: questionsOfCheckIn), asked as checkInCardQuestions lists them. */
  questions: readonly string[];
  /** The pair's active goals, in plan order. */
  goals: readonly CheckInCardGoal[];
  /** What the mentee typed, kept when an answer is refused (input id -> value as the card sent it). */
  values?: Readonly<Record<string, string>>;
  /** What to fix, one sentence each, shown above the questions. */
  problems?: readonly string[];
}

const textQuestions = ['wins', 'blockers', 'nextSteps', 'needHelpWith'] as const;
const inputIdOf = (q: CheckInQuestion): string =>
  q.kind === 'text' ? checkInInputs.question(q.index ?? 0) : checkInInputs[q.kind as (typeof textQuestions)[number]];

export function checkInCard(data: CheckInCardData, strings: BotStrings = en): AdaptiveCard {
  const s = strings.checkIn;
  const values = data.values ?? {};
  const kept = (id: string) => (values[id] !== undefined && values[id] !== '' ? { value: values[id] } : {});
  const keptNumber = (id: string) => {
    const n = Number(values[id]);
    return values[id] !== undefined && values[id].trim() !== '' && Number.isFinite(n) ? { value: n } : {};
  };

  const body: CardElement[] = [
    cardHeading(s.title),
    {
      type: 'TextBlock',
      text: fillPlaceholders(s.period, { slot: data.slot, mentor: data.mentorName }),
      isSubtle: true,
      wrap: true,
      spacing: 'Small',
    },
  ];
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
  const questions = checkInCardQuestions(data.questions);
  for (const question of questions) {
    if (question.kind === 'goals') {
      body.push({ type: 'TextBlock', text: question.text, weight: 'Bolder', wrap: true, spacing: 'Medium' });
      if (data.goals.length === 0) body.push({ type: 'TextBlock', text: s.noGoals, wrap: true, spacing: 'Small' });
      for (const goal of data.goals) body.push(goalInput(goal, s, kept, keptNumber));
    } else if (question.kind === 'confidence') {
      body.push({
        type: 'Input.ChoiceSet',
        id: checkInInputs.confidence,
        label: question.text,
        isRequired: true,
        errorMessage: s.confidenceError,
        style: 'expanded',
        spacing: 'Large',
        choices: s.confidenceChoices.map((title, i) => ({ title, value: String(i + 1) })),
        ...kept(checkInInputs.confidence),
      });
    } else {
      const id = inputIdOf(question);
      body.push({
        type: 'Input.Text',
        id,
        label: question.text,
        isMultiline: true,
        maxLength: limits.longText,
        errorMessage: fillPlaceholders(s.textError, { max: String(limits.longText) }),
        spacing: 'Medium',
        // A refused answer may hold more than fits; keep what fits, the note says what to shorten.
        ...(values[id] ? { value: values[id]!.slice(0, limits.longText) } : {}),
      });
    }
  }

  return adaptiveCard(
    body,
    [
      {
        type: 'Action.Execute',
        title: s.submit,
        verb: checkInVerbs.submit,
        style: 'positive',
        data: { pairId: data.pairId, slot: data.slot },
      },
    ],
    s.fallbackText,
  );
}

function goalInput(
  goal: CheckInCardGoal,
  s: BotStrings['checkIn'],
  kept: (id: string) => { value?: string },
  keptNumber: (id: string) => { value?: number },
): CardInput {
  const goalText = { goal: goal.title, unit: goal.unit ?? '' };
  if (isMeasurable(goal)) {
    const { min, max } = progressBounds(goal);
    const id = checkInInputs.goalCurrent(goal.id);
    const hint =
      goal.current !== undefined
        ? fillPlaceholders(s.goalCurrentHint, { target: String(goal.target), current: String(goal.current) })
        : fillPlaceholders(s.goalTargetHint, { target: String(goal.target) });
    return {
      type: 'Input.Number',
      id,
      label: fillPlaceholders(goal.unit ? s.goalCurrentLabelWithUnit : s.goalCurrentLabel, goalText),
      placeholder: hint,
      min,
      max,
      // Shown under the input it belongs to, so it needs no goal title (cards must stay small with 50 goals).
      errorMessage: fillPlaceholders(s.goalNumberError, { min: String(min) }),
      ...keptNumber(id),
    };
  }
  const id = checkInInputs.goalStatus(goal.id);
  return {
    type: 'Input.ChoiceSet',
    id,
    label: fillPlaceholders(s.goalStatusLabel, goalText),
    placeholder: s.goalStatusPlaceholder,
    choices: goalProgressStatus.options.map((value) => ({ title: goalProgressStatusLabel[value], value })),
    ...kept(id),
  };
}

/**
 * The answer as the card sent it, shaped for the `checkInAnswer` schema (which the service applies):
 * every input value is a string; an empty one is an unanswered question. Unknown keys are ignored.
 */
export function answerFromCardInputs(inputs: Readonly<Record<string, unknown>>): {
  answer: Record<string, unknown>;
  values: Record<string, string>;
} {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (typeof value === 'string') values[key] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) values[key] = String(value);
  }
  const goals = new Map<string, { goalId: string; current?: number; status?: string }>();
  for (const [key, raw] of Object.entries(values)) {
    const match = /^goal\.([A-Za-z0-9_-]{1,64})\.(current|status)$/.exec(key);
    const text = raw.trim();
    if (!match || text === '') continue;
    const goalId = match[1]!;
    const progress = goals.get(goalId) ?? { goalId };
    // A number the client let through as text ("12,5") stays NaN and is refused with its goal's name.
    if (match[2] === 'current') progress.current = Number(text.replace(/\s/g, ''));
    else progress.status = text;
    goals.set(goalId, progress);
  }
  const confidence = values[checkInInputs.confidence]?.trim();
  const answer: Record<string, unknown> = {
    goals: [...goals.values()],
    ...(confidence ? { confidence: Number(confidence) } : {}),
  };
  for (const question of textQuestions) answer[question] = values[checkInInputs[question]] ?? '';
  const responses = Object.entries(values).flatMap(([key, raw]) => {
    const match = /^question\.(\d{1,2})$/.exec(key);
    return match && raw.trim() !== '' ? [{ index: Number(match[1]), answer: raw }] : [];
  });
  if (responses.length > 0) answer.responses = responses;
  return { answer, values };
}
