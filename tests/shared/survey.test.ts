import { describe, expect, it } from 'vitest';
import { csvCell, figureOf, MIN_GROUP_SIZE, suppressedNote } from '../../shared/health/smallGroups';
import { aggregateSurvey, checkAnswers, defaultSurveyQuestions, surveyAnswers, type SurveyAnswers } from '../../shared/survey/survey';

const answer = (rating: number, text?: string): SurveyAnswers => ({
  ratings: { 'worth-time': rating, 'goals-moved': rating, recommend: rating },
  texts: text === undefined ? {} : { change: text },
});

describe('the floor of five people', () => {
  it('shows a figure about five people and hides one about four, without its count', () => {
    expect(MIN_GROUP_SIZE).toBe(5);
    expect(figureOf(5, () => 'x')).toEqual({ shown: true, value: 'x', people: 5 });
    expect(figureOf(4, () => 'x')).toEqual({ shown: false, note: suppressedNote });
    expect(csvCell(figureOf(4, () => 3))).toBe('');
    expect(csvCell(figureOf(6, () => 3.5))).toBe('3.5');
  });

  it('never computes a hidden figure', () => {
    let computed = false;
    figureOf(1, () => (computed = true));
    expect(computed).toBe(false);
  });
});

describe('aggregateSurvey', () => {
  it('hides every figure when four people answered', () => {
    const results = aggregateSurvey(
      defaultSurveyQuestions,
      [1, 2, 3, 4].map((r) => answer(r, 'More time')),
    );
    expect(results.respondents.shown).toBe(false);
    expect(results.questions.every((q) => !q.result.shown)).toBe(true);
    expect(JSON.stringify(results)).not.toContain('More time');
  });

  it('shows means, counts and sorted texts from five people', () => {
    const results = aggregateSurvey(defaultSurveyQuestions, [
      answer(5, 'b'),
      answer(4, 'a'),
      answer(4, 'c'),
      answer(2, 'e'),
      answer(5, 'd'),
    ]);
    expect(results.respondents).toEqual({ shown: true, value: 5, people: 5 });
    expect(results.questions[0]).toEqual({
      id: 'worth-time',
      kind: 'rating',
      text: defaultSurveyQuestions[0]!.text,
      result: { shown: true, people: 5, value: { mean: 4, counts: [0, 1, 0, 2, 2] } },
    });
    expect(results.questions[3]!.result).toEqual({ shown: true, people: 5, value: ['a', 'b', 'c', 'd', 'e'] });
  });

  it('hides a question that fewer than five answered even when the survey has enough respondents', () => {
    const results = aggregateSurvey(defaultSurveyQuestions, [answer(3, 'only one'), answer(3), answer(3), answer(3), answer(3, ' ')]);
    expect(results.respondents.shown).toBe(true);
    expect(results.questions[0]!.result.shown).toBe(true);
    expect(results.questions[3]!.result).toEqual({ shown: false, note: suppressedNote });
  });
});

describe('survey answers', () => {
  it('must rate every rating question and answer only the questions asked', () => {
    expect(checkAnswers(defaultSurveyQuestions, answer(4, 'x'))).toBeUndefined();
    expect(checkAnswers(defaultSurveyQuestions, { ratings: { 'worth-time': 4 }, texts: {} })).toMatch(/^Rate /);
    expect(checkAnswers(defaultSurveyQuestions, { ...answer(4), texts: { recommend: 'x' } })).toBe('There is no text question recommend.');
    expect(checkAnswers(defaultSurveyQuestions, { ...answer(4), ratings: { ...answer(4).ratings, change: 3 } })).toBe(
      'There is no rating question change.',
    );
  });

  it('refuses ratings outside 1-5 and unknown fields', () => {
    expect(surveyAnswers.safeParse({ ratings: { recommend: 6 }, texts: {} }).success).toBe(false);
    expect(surveyAnswers.safeParse({ ratings: {}, texts: {}, personId: 'x' }).success).toBe(false);
  });
});
