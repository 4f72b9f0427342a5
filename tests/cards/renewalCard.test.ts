// The renewal card against the Adaptive Card 1.5 schema in each of its states, and the survey
// answers read back from its inputs.
import { describe, expect, it } from 'vitest';
import { renewalCard, renewalCardVerbs, surveyAnswersFromCard } from '../../bot/cards/renewalCard';
import { defaultSurveyQuestions } from '../../shared/survey/survey';
import { expectValidCard } from '../support/cardSchema';

const links = { tab: 'https://teams.microsoft.com/l/entity/app/mentoring', browser: 'http://localhost:3978/' };
const base = { pairId: 'pair-1', role: 'mentee' as const, cycleEnd: '2026-06-30', opensOn: '2026-06-16', links };
const open = { state: 'open' as const, programId: 'program-1', programName: 'Engineering Mentoring', questions: defaultSurveyQuestions };

describe('the renewal card', () => {
  it('says when the cycle ends and opens the plan’s Renewal place, in Teams and in development the browser', () => {
    const card = renewalCard(base);
    expectValidCard(card);
    const text = JSON.stringify(card);
    expect(text).toContain('Your mentoring cycle ends on 2026-06-30');
    expect(text).toContain(encodeURIComponent(JSON.stringify({ subEntityId: 'plans/pair-1/renewal' })));
    expect(text).toContain('http://localhost:3978/plans/pair-1/renewal');
    expect(text).not.toContain(renewalCardVerbs.answerSurvey);
  });

  it('carries the survey: a required 1-5 choice per rating question, free text, and one button', () => {
    const card = renewalCard({ ...base, survey: open });
    expectValidCard(card);
    const text = JSON.stringify(card);
    for (const q of defaultSurveyQuestions) expect(text).toContain(`"id":"${q.kind}.${q.id}"`);
    expect(text.match(/"verb":"renewal\.survey"/g)).toHaveLength(1);
    expectValidCard(
      renewalCard({ ...base, role: 'mentor', survey: { ...open, problems: ['Rate “Mentoring was worth the time I gave it.”.'] } }),
    );
    expectValidCard(renewalCard({ ...base, survey: { state: 'answered', programName: 'Engineering Mentoring' } }));
  });

  it('reads the answers from the inputs, leaving out what is not a 1-5 rating or a known question', () => {
    expect(
      surveyAnswersFromCard(defaultSurveyQuestions, {
        'rating.worth-time': '5',
        'rating.goals-moved': '7',
        'rating.recommend': 'x',
        'text.change': 'More pairs.',
        'rating.unknown': '3',
        programId: 'program-1',
      }),
    ).toEqual({ ratings: { 'worth-time': 5 }, texts: { change: 'More pairs.' } });
  });
});
