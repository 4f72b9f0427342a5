// The questions of a check-in card: the program's `checkInQuestions` as they were when the check-in
// was created (stored with it, so answers stay readable after the program changes them). Goal
// progress and confidence are always asked (the mentor and the program's health read them); each of
// the program's questions is asked in its order, the default ones with their own field, any other as
// free text. One list for the card the bot sends and the preview in the program's setup.
import { defaultCheckInQuestions } from '../program';
import type { CheckIn } from './checkIn';

export type CheckInQuestionKind = 'goals' | 'confidence' | 'wins' | 'blockers' | 'nextSteps' | 'needHelpWith' | 'text';

export interface CheckInQuestion {
  kind: CheckInQuestionKind;
  /** What the card says. */
  text: string;
  /** For a free-text question: its place in the check-in's questions, which its answer names. */
  index?: number;
}

const kindOfDefault = new Map<string, CheckInQuestionKind>(
  (['goals', 'confidence', 'wins', 'blockers', 'nextSteps', 'needHelpWith'] as const).map((kind, i) => [
    defaultCheckInQuestions[i]!.toLocaleLowerCase(),
    kind,
  ]),
);

/** The check-in's questions: as stored with it, or the defaults for one stored before questions were. */
export const questionsOfCheckIn = (checkIn: { questions?: readonly string[] }): readonly string[] =>
  checkIn.questions ?? defaultCheckInQuestions;

/**
 * The card's questions, in order: goal progress and confidence first (with the program's wording
 * when it has those questions), then the program's other questions in its order.
 */
export function checkInCardQuestions(questions: readonly string[]): CheckInQuestion[] {
  const asked = questions.map((text, index): CheckInQuestion => {
    const kind = kindOfDefault.get(text.trim().toLocaleLowerCase()) ?? 'text';
    return kind === 'text' ? { kind, text, index } : { kind, text };
  });
  const fixed = (kind: 'goals' | 'confidence'): CheckInQuestion =>
    asked.find((q) => q.kind === kind) ?? { kind, text: defaultCheckInQuestions[kind === 'goals' ? 0 : 1]! };
  // A default question listed twice is asked once, where it first appears.
  const seen = new Set<CheckInQuestionKind>(['goals', 'confidence']);
  const rest = asked.filter((q) => q.kind === 'text' || (!seen.has(q.kind) && seen.add(q.kind)));
  return [fixed('goals'), fixed('confidence'), ...rest];
}

/** An answer to one of the program's own questions, with the question worded as the check-in asked it. */
export interface ProgramQuestionAnswer {
  question: string;
  answer: string;
}

/**
 * The answers to the program's own (free-text) questions, in the order the check-in asked them; a
 * blank answer, or one naming no free-text question of the check-in, is left out. The default
 * questions' answers have their own fields. The card and the tab show these.
 */
export function programQuestionAnswers(checkIn: Pick<CheckIn, 'questions' | 'answer'>): ProgramQuestionAnswer[] {
  const responses = checkIn.answer?.responses ?? [];
  return checkInCardQuestions(questionsOfCheckIn(checkIn)).flatMap((q) => {
    const answer = q.kind === 'text' ? responses.find((r) => r.index === q.index)?.answer : undefined;
    return answer !== undefined && answer.trim() !== '' ? [{ question: q.text, answer }] : [];
  });
}
