import { describe, expect, it } from 'vitest';
import type { CheckIn } from '../../shared/checkins/checkIn';
import { checkInHistory } from '../../shared/checkins/checkInHistory';
import { defaultCheckInQuestions } from '../../shared/program';

const checkIn = (slot: string, status: CheckIn['status']): CheckIn => ({
  pairId: 'p',
  slot,
  dueAt: `${slot}T09:00:00.000Z`,
  status,
  comments: [],
  ...(status === 'answered'
    ? { answeredAt: `${slot}T10:00:00.000Z`, answer: { goals: [], confidence: 4, wins: '', blockers: '', nextSteps: '', needHelpWith: '' } }
    : {}),
});

describe('check-in history', () => {
  it('counts an unanswered check-in as missed once the next one went out, but not the current one', () => {
    const view = checkInHistory(
      'p',
      [checkIn('2026-11-02', 'answered'), checkIn('2026-11-16', 'sent'), checkIn('2026-11-30', 'sent')],
      [],
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(view.checkIns.map((c) => [c.slot, c.status])).toEqual([
      ['2026-11-30', 'sent'],
      ['2026-11-16', 'missed'],
      ['2026-11-02', 'answered'],
    ]);
    expect(view.adherence).toEqual({ due: 3, answered: 1, missed: 1, rate: 1 / 3 });
  });

  it('gives each check-in the answers to the program’s own questions under the questions it asked', () => {
    const answered = checkIn('2026-11-02', 'answered');
    const asked: CheckIn = {
      ...answered,
      questions: [...defaultCheckInQuestions, 'Who helped you most?'],
      answer: { ...answered.answer!, responses: [{ index: 6, answer: 'Sam, with the retro.' }] },
    };
    const view = checkInHistory('p', [asked, checkIn('2026-11-16', 'sent')], [], new Date('2026-12-01T00:00:00Z'));
    expect(view.checkIns.map((c) => [c.slot, c.programAnswers])).toEqual([
      ['2026-11-16', []],
      ['2026-11-02', [{ question: 'Who helped you most?', answer: 'Sam, with the retro.' }]],
    ]);
  });

  it('keeps a late answer as answered', () => {
    const view = checkInHistory(
      'p',
      [checkIn('2026-11-02', 'answered'), checkIn('2026-11-16', 'answered')],
      [],
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(view.adherence).toEqual({ due: 2, answered: 2, missed: 0, rate: 1 });
  });
});
