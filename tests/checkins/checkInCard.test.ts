// The check-in cards against the Adaptive Card 1.5 schema and Teams' size limit, with long texts
// and a full plan of goals; and the mapping from what the card sends to the answer schema.
import { defaultCheckInQuestions as questions } from '../../shared/program';
import { describe, expect, it } from 'vitest';
import { checkInAnswer, type CheckIn } from '../../shared/checkins/checkIn';
import { limits } from '../../shared/limits';
import { checkInCard, answerFromCardInputs, checkInInputs, checkInVerbs, type CheckInCardGoal } from '../../bot/cards/checkInCard';
import { checkInSummaryCard, menteeCommentCard } from '../../bot/cards/checkInSummaryCard';
import { mentorCheckInCard, MENTOR_COMMENT_INPUT } from '../../bot/cards/mentorCheckInCard';
import { planSummaryCard } from '../../bot/cards/planSummaryCard';
import { refusedCard } from '../../bot/cards/refusedCard';
import { en } from '../../bot/cards/strings';
import { expectValidCard } from '../support/cardSchema';

const links = {
  tab: 'https://teams.microsoft.com/l/entity/6f1d9d2c-3c1e-4f55-9a57-0c5b8f6a1e01/mentoring',
  browser: 'http://localhost:3978/',
};
const long = (n: number) => 'Lorem ipsum dolor sit amet, '.repeat(Math.ceil(n / 28)).slice(0, n);

const measurable: CheckInCardGoal = { id: 'g-measured', title: 'Cut p95 latency', unit: 'ms', baseline: 900, target: 300, current: 640 };
const qualitative: CheckInCardGoal = { id: 'g-qual', title: 'Present at the architecture forum' };
const fiftyGoals: CheckInCardGoal[] = Array.from({ length: limits.goalsPerPair }, (_, i) =>
  i % 2 === 0
    ? { id: `goal-${i}`, title: long(limits.title), unit: long(limits.unit), baseline: 0, target: 100, current: 50 }
    : { id: `goal-${i}`, title: long(limits.title) },
);

const fullAnswer = (goals: readonly CheckInCardGoal[]) => ({
  goals: goals.map((g, i) =>
    g.target !== undefined ? { goalId: g.id, current: 42.5 } : { goalId: g.id, status: i % 4 === 1 ? 'blocked' : 'on_track' },
  ) as CheckIn['answer'] extends infer A ? (A extends { goals: infer G } ? G : never) : never,
  confidence: 3,
  wins: long(limits.longText),
  blockers: long(limits.longText),
  nextSteps: long(limits.longText),
  needHelpWith: long(limits.longText),
});

const answered = (goals: readonly CheckInCardGoal[], comments = 0): CheckIn => ({
  pairId: 'demo-pair-alex',
  slot: '2026-03-02',
  dueAt: '2026-03-02T17:00:00.000Z',
  status: 'answered',
  sentAt: '2026-03-02T17:00:00.000Z',
  answeredAt: '2026-03-03T10:15:42.123Z',
  answeredBy: '1c7a8d4f-2e3b-4d6c-8f9a-b2c3d4e5f6a7',
  answer: fullAnswer(goals),
  comments: Array.from({ length: comments }, (_, i) => ({
    id: `c${i}`,
    at: '2026-03-03T11:00:00.000Z',
    by: '0b6f7c3e-1d2a-4c5b-9e8f-a1b2c3d4e5f6',
    text: long(limits.longText),
  })),
});

describe('checkInCard', () => {
  const card = checkInCard({
    pairId: 'demo-pair-alex',
    slot: '2026-03-02',
    questions,
    mentorName: 'Priya Raman',
    goals: [measurable, qualitative],
  });

  it('is a valid Adaptive Card 1.5, also with 50 goals, long texts kept and problems listed', () => {
    expectValidCard(card);
    expectValidCard(checkInCard({ pairId: 'p', slot: '2026-03-02', questions, mentorName: long(limits.name), goals: [] }));
    const values: Record<string, string> = {
      confidence: '4',
      wins: long(limits.longText * 2),
      blockers: long(limits.longText),
      nextSteps: long(limits.longText),
      needHelpWith: long(limits.longText),
    };
    for (const g of fiftyGoals)
      values[g.target !== undefined ? checkInInputs.goalCurrent(g.id) : checkInInputs.goalStatus(g.id)] =
        g.target !== undefined ? '12' : 'at_risk';
    expectValidCard(
      checkInCard({
        questions,
        pairId: 'p',
        slot: '2026-03-02',
        mentorName: 'Priya',
        goals: fiftyGoals,
        values,
        problems: fiftyGoals.slice(0, 5).map((g) => `${g.title}: enter a number.`),
      }),
    );
  });

  it('asks for a number with the unit and sane bounds for a measurable goal, a status otherwise', () => {
    expect(card.body).toContainEqual(
      expect.objectContaining({
        type: 'Input.Number',
        id: 'goal.g-measured.current',
        label: 'Cut p95 latency: current value (ms)',
        min: 0,
        max: 1e12,
      }),
    );
    expect(card.body).toContainEqual(
      expect.objectContaining({
        type: 'Input.ChoiceSet',
        id: 'goal.g-qual.status',
        choices: ['on_track', 'at_risk', 'blocked', 'done'].map((value) => expect.objectContaining({ value })),
      }),
    );
    const negative = checkInCard({
      questions,
      pairId: 'p',
      slot: 's',
      mentorName: 'm',
      goals: [{ id: 'g', title: 'Net margin', baseline: -5, target: 5 }],
    });
    expect(negative.body).toContainEqual(expect.objectContaining({ id: 'goal.g.current', min: -1e12 }));
  });

  it('requires confidence 1-5 and bounds every text by the shared limit, each with an error message', () => {
    expect(card.body).toContainEqual(
      expect.objectContaining({
        id: 'confidence',
        isRequired: true,
        errorMessage: en.checkIn.confidenceError,
        choices: [1, 2, 3, 4, 5].map((v) => expect.objectContaining({ value: String(v) })),
      }),
    );
    for (const id of ['wins', 'blockers', 'nextSteps', 'needHelpWith']) {
      expect(card.body).toContainEqual(
        expect.objectContaining({
          type: 'Input.Text',
          id,
          isMultiline: true,
          maxLength: limits.longText,
          errorMessage: expect.any(String),
        }),
      );
    }
  });

  it('submits with a Universal Action carrying the pair and the slot', () => {
    expect(card.actions).toEqual([
      {
        type: 'Action.Execute',
        title: en.checkIn.submit,
        verb: checkInVerbs.submit,
        style: 'positive',
        data: { pairId: 'demo-pair-alex', slot: '2026-03-02' },
      },
    ]);
  });

  it('keeps what was typed and says what to fix when an answer comes back refused', () => {
    const refused = checkInCard({
      questions,
      pairId: 'p',
      slot: '2026-03-02',
      mentorName: 'Priya',
      goals: [measurable, qualitative],
      values: { 'goal.g-measured.current': '12', 'goal.g-qual.status': 'blocked', wins: 'Shipped it', confidence: '' },
      problems: ['Confidence: rate your confidence from 1 to 5.'],
    });
    expectValidCard(refused);
    expect(refused.body[2]).toMatchObject({
      type: 'Container',
      style: 'attention',
      items: [{ text: en.checkIn.problemsTitle }, { text: '- Confidence: rate your confidence from 1 to 5.' }],
    });
    expect(refused.body).toContainEqual(expect.objectContaining({ id: 'goal.g-measured.current', value: 12 }));
    expect(refused.body).toContainEqual(expect.objectContaining({ id: 'goal.g-qual.status', value: 'blocked' }));
    expect(refused.body).toContainEqual(expect.objectContaining({ id: 'wins', value: 'Shipped it' }));
    expect(refused.body.find((e) => 'id' in e && e.id === 'confidence')).not.toHaveProperty('value');
  });
});

describe('answerFromCardInputs', () => {
  it('turns the card’s string values into an answer the schema accepts', () => {
    const { answer } = answerFromCardInputs({
      pairId: 'p',
      slot: 's',
      confidence: '4',
      wins: ' Shipped ',
      blockers: '',
      nextSteps: 'Plan',
      needHelpWith: '',
      'goal.g-measured.current': '12.5',
      'goal.g-qual.status': 'on_track',
      'goal.g-empty.current': '',
    });
    expect(checkInAnswer.parse(answer)).toEqual({
      goals: [
        { goalId: 'g-measured', current: 12.5 },
        { goalId: 'g-qual', status: 'on_track' },
      ],
      confidence: 4,
      wins: 'Shipped',
      blockers: '',
      nextSteps: 'Plan',
      needHelpWith: '',
    });
  });

  it('leaves a missing confidence and a number that is not one for the schema to refuse', () => {
    const { answer } = answerFromCardInputs({ 'goal.g.current': 'twelve' });
    const parsed = checkInAnswer.safeParse(answer);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['confidence', 'goals.0.current']);
  });
});

describe('answered check-in cards', () => {
  const goals = [measurable, qualitative];

  it('the summary is valid, read-only, and lists blockers and help first', () => {
    const card = checkInSummaryCard({ checkIn: answered(goals), goals, mentorName: 'Priya', links });
    expectValidCard(card);
    expect(JSON.stringify(card)).not.toMatch(/Input\.|Action\.Execute/);
    expect(card.body[2]).toMatchObject({ type: 'Container', style: 'attention' });
    expectValidCard(
      checkInSummaryCard({ checkIn: answered(fiftyGoals, 50), goals: fiftyGoals, mentorName: long(limits.name), links, keptFirst: true }),
    );
  });

  it('the mentor’s card puts blockers and help requests first and has a comment box with the comment verb', () => {
    const card = mentorCheckInCard({ checkIn: answered(goals), goals, menteeName: 'Alex Chen', mentorName: 'Priya Raman', links });
    expectValidCard(card);
    const texts = card.body.flatMap((e) => (e.type === 'Container' ? e.items : [e])).map((e) => ('text' in e ? e.text : e.type));
    expect(texts.indexOf(en.checkInAnswer.blockers)).toBeLessThan(texts.indexOf(en.checkInAnswer.goals));
    expect(texts.indexOf(en.checkInAnswer.needHelpWith)).toBeLessThan(texts.indexOf(en.checkInAnswer.wins));
    expect(card.body).toContainEqual(
      expect.objectContaining({ type: 'Input.Text', id: MENTOR_COMMENT_INPUT, isRequired: true, maxLength: limits.longText }),
    );
    expect(card.actions?.[0]).toEqual({
      type: 'Action.Execute',
      title: en.mentorCheckIn.submit,
      verb: checkInVerbs.comment,
      data: { pairId: 'demo-pair-alex', slot: '2026-03-02' },
    });
  });

  it('stays under the size limit with 50 goals, long texts and a full list of comments', () => {
    expectValidCard(
      mentorCheckInCard({
        checkIn: answered(fiftyGoals, 50),
        goals: fiftyGoals,
        menteeName: long(limits.name),
        mentorName: long(limits.name),
        links,
        commentDelivery: 'not_delivered',
        problems: ['x'],
        commentValue: long(limits.longText),
        meetings: [
          {
            start: '2026-11-23T16:00:00.000Z',
            end: '2026-11-23T16:45:00.000Z',
            draftLink: `https://teams.microsoft.com/l/meeting/new?content=${encodeURIComponent(long(1500))}`,
          },
          {
            start: '2026-11-24T16:00:00.000Z',
            end: '2026-11-24T16:45:00.000Z',
            draftLink: `https://teams.microsoft.com/l/meeting/new?content=${encodeURIComponent(long(1500))}`,
          },
        ],
      }),
    );
    expectValidCard(menteeCommentCard({ checkIn: answered(fiftyGoals, 50), goals: fiftyGoals, mentorName: long(limits.name), links }));
  });

  it('plan and refusal cards are valid', () => {
    expectValidCard(
      planSummaryCard({
        goals: fiftyGoals.map((g, i) => ({ title: g.title, progress: i % 3 === 0 ? undefined : 0.5, dueDate: '2026-09-30' })),
        links,
      }),
    );
    expectValidCard(planSummaryCard({ goals: [], links, menteeName: 'Alex' }));
    expectValidCard(refusedCard('Only Alex Chen answers this check-in.'));
  });
});
