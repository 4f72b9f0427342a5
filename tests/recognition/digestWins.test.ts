// The weekly digest's choice of wins, on loaded data: what to read, what may be shown, which
// program's pairs count, who is named, and how many shown wins the week's record keeps.
import { describe, expect, it } from 'vitest';
import type { Goal } from '../../shared/goal';
import type { Mentorship } from '../../shared/mentorship';
import {
  MAX_RECORDED_DIGEST_WINS,
  digestWinKey,
  digestWinsOf,
  digestWinsToRead,
  parseDigestWinKey,
  programDigest,
} from '../../shared/recognition/digestWins';
import type { Win } from '../../shared/recognition/win';
import type { PlanRecord } from '../../shared/repositories';

const WEEK = '2026-11-16';
const ref = (pairId: string, winId: string, week = WEEK) => ({ programId: 'prog', week, pairId, winId });
const win = (over: Partial<Win> = {}): Win => ({
  id: 'w1',
  pairId: 'p1',
  text: 'Led the incident review',
  recognizedBy: 'mentor-1',
  at: '2026-11-18T10:00:00.000Z',
  shareInDigest: true,
  ...over,
});

type DigestPair = Pick<PlanRecord, 'mentorship' | 'members' | 'goals'>;
const pair = (id: string, programId: string, menteeName: string, goals: { id: string; title: string }[] = []): DigestPair => ({
  mentorship: { etag: 'e', value: { id, programId } as Mentorship },
  members: {
    mentor: { id: 'mentor-1', displayName: 'Priya Raman' },
    mentee: { id: `mentee-${id}`, displayName: menteeName },
  } as DigestPair['members'],
  goals: goals.map((g) => ({ etag: 'e', value: g as Goal })),
});

describe('the digest’s choice of wins', () => {
  it('reads each indexed win once and skips those the week before’s digest showed', () => {
    const refs = [ref('p1', 'w1'), ref('p1', 'w2'), ref('p1', 'w1', '2026-11-09'), ref('p2', 'w3', '2026-11-09')];
    expect(digestWinsToRead(refs, [digestWinKey('p1', 'w2')])).toEqual([
      { pairId: 'p1', winId: 'w1' },
      { pairId: 'p2', winId: 'w3' },
    ]);
    expect(parseDigestWinKey(digestWinKey('p1', 'w2'))).toEqual({ pairId: 'p1', winId: 'w2' });
  });

  it('keeps only wins read, consented and of the digest’s weeks', () => {
    const shown = win({ id: 'shown' });
    const chosen = digestWinsOf(
      [
        shown,
        undefined,
        win({ id: 'private', shareInDigest: false }),
        win({ id: 'old', at: '2026-10-01T10:00:00.000Z' }),
        win({ id: 'elsewhere', digestWeek: '2026-11-09' }),
      ],
      WEEK,
    );
    expect(chosen.map((w) => w.id)).toEqual(['shown']);
  });

  it('shows only the program’s pairs, names the mentee, who recognized the win and its goal, grouped by mentee', () => {
    const wins = [
      win({ id: 'w1', pairId: 'p1', recognizedBy: 'mentor-1', goalId: 'g1', at: '2026-11-19T10:00:00.000Z' }),
      win({ id: 'w2', pairId: 'p1', recognizedBy: 'mentee-p1', at: '2026-11-17T10:00:00.000Z' }),
      win({ id: 'w3', pairId: 'p2' }),
      win({ id: 'w4', pairId: 'p3' }),
      win({ id: 'w5', pairId: 'gone' }),
    ];
    const pairs = new Map<string, DigestPair | undefined>([
      ['p1', pair('p1', 'prog', 'Sam Lee', [{ id: 'g1', title: 'Run on-call' }])],
      ['p2', pair('p2', 'prog', 'Alex Chen')],
      ['p3', pair('p3', 'other-program', 'Jordan Park')],
      ['gone', undefined],
    ]);
    const { digest, shownWinKeys, recordedWinKeys } = programDigest({
      week: WEEK,
      program: { id: 'prog', name: 'Engineering' },
      wins,
      pairs,
    });
    expect(digest.programName).toBe('Engineering');
    expect(digest.winCount).toBe(3);
    expect(digest.mentees.map((m) => [m.menteeName, m.wins.map((w) => [w.winId, w.recognizedByName, w.goalTitle])])).toEqual([
      ['Alex Chen', [['w3', 'Priya Raman', undefined]]],
      [
        'Sam Lee',
        [
          ['w2', 'Sam Lee', undefined],
          ['w1', 'Priya Raman', 'Run on-call'],
        ],
      ],
    ]);
    expect(shownWinKeys).toEqual(['p2|w3', 'p1|w2', 'p1|w1']);
    expect(recordedWinKeys).toEqual(shownWinKeys);
  });

  it('records at most the cap of shown wins in the week’s record, and marks them all', () => {
    const many = Array.from({ length: MAX_RECORDED_DIGEST_WINS + 5 }, (_, i) => win({ id: `w${i}` }));
    const { shownWinKeys, recordedWinKeys } = programDigest({
      week: WEEK,
      program: { id: 'prog', name: 'Engineering' },
      wins: many,
      pairs: new Map([['p1', pair('p1', 'prog', 'Sam Lee')]]),
    });
    expect(shownWinKeys).toHaveLength(MAX_RECORDED_DIGEST_WINS + 5);
    expect(recordedWinKeys).toEqual(shownWinKeys.slice(0, MAX_RECORDED_DIGEST_WINS));
  });
});
