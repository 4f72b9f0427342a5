// The program survey (capabilities 12 and 13): a few 1-5 questions and free text chosen by the
// program, answered once per person and cycle. Answers are anonymous to the manager and shown only
// in aggregate over at least five respondents (health/smallGroups.ts).
import { z } from 'zod';
import { figureOf, type Figure } from '../health/smallGroups';
import { limits } from '../limits';
import { entityId } from '../ids';

export const surveyQuestion = z.discriminatedUnion('kind', [
  z.object({ id: entityId, kind: z.literal('rating'), text: z.string().trim().min(1).max(limits.shortText) }).strict(),
  z.object({ id: entityId, kind: z.literal('text'), text: z.string().trim().min(1).max(limits.shortText) }).strict(),
]);
export type SurveyQuestion = z.infer<typeof surveyQuestion>;

export const defaultSurveyQuestions: SurveyQuestion[] = [
  { id: 'worth-time', kind: 'rating', text: 'Mentoring was worth the time I gave it.' },
  { id: 'goals-moved', kind: 'rating', text: 'My goals moved forward because of this program.' },
  { id: 'recommend', kind: 'rating', text: 'I would recommend the program to a colleague.' },
  { id: 'change', kind: 'text', text: 'What one thing should the program change?' },
];

/** What a rating question is answered with: a whole number on this scale. */
export const surveyRatingScale = { min: 1, max: 5 } as const;

/** One person's answers: ratings 1-5 and text by question id. Who answered is never part of it. */
export const surveyAnswers = z
  .object({
    ratings: z.record(entityId, z.number().int().min(surveyRatingScale.min).max(surveyRatingScale.max)),
    texts: z.record(entityId, z.string().trim().max(limits.longText)),
  })
  .strict();
export type SurveyAnswers = z.infer<typeof surveyAnswers>;

/** Answers that fit the questions: every rating question rated, text only where the question asks for it. */
export function checkAnswers(questions: readonly SurveyQuestion[], answers: SurveyAnswers): string | undefined {
  for (const q of questions) {
    if (q.kind === 'rating' && answers.ratings[q.id] === undefined) return `Rate “${q.text}”.`;
  }
  const known = new Map(questions.map((q) => [q.id, q.kind]));
  for (const id of Object.keys(answers.ratings)) if (known.get(id) !== 'rating') return `There is no rating question ${id}.`;
  for (const id of Object.keys(answers.texts)) if (known.get(id) !== 'text') return `There is no text question ${id}.`;
  return undefined;
}

export type QuestionResult =
  | { id: string; kind: 'rating'; text: string; result: Figure<{ mean: number; counts: [number, number, number, number, number] }> }
  | { id: string; kind: 'text'; text: string; result: Figure<string[]> };

export interface SurveyResults {
  respondents: Figure<number>;
  questions: QuestionResult[];
}

/**
 * The survey's results over everyone's answers. Each question's figure counts the people who
 * answered that question, so a question few people answered stays hidden even when the survey as a
 * whole has enough respondents. Text answers come sorted, so their order says nothing of who wrote them.
 */
export function aggregateSurvey(questions: readonly SurveyQuestion[], all: readonly SurveyAnswers[]): SurveyResults {
  return {
    respondents: figureOf(all.length, () => all.length),
    questions: questions.map((q): QuestionResult => {
      if (q.kind === 'rating') {
        const ratings = all.map((a) => a.ratings[q.id]).filter((r): r is number => r !== undefined);
        return {
          id: q.id,
          kind: 'rating',
          text: q.text,
          result: figureOf(ratings.length, () => {
            const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
            for (const r of ratings) counts[r - 1]! += 1;
            return { mean: Math.round((ratings.reduce((s, r) => s + r, 0) / ratings.length) * 100) / 100, counts };
          }),
        };
      }
      const texts = all.map((a) => a.texts[q.id]?.trim()).filter((t): t is string => !!t);
      return { id: q.id, kind: 'text', text: q.text, result: figureOf(texts.length, () => [...texts].sort((a, b) => a.localeCompare(b))) };
    }),
  };
}
