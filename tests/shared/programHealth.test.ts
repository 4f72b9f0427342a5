import { describe, expect, it } from 'vitest';
import {
  applyContribution,
  emptyContribution,
  healthFigures,
  replaceContribution,
  type PairContribution,
} from '../../shared/health/programHealth';
import { suppressedNote } from '../../shared/health/smallGroups';

const pair = (over: Partial<PairContribution> = {}): PairContribution => ({
  ...emptyContribution(),
  pairs: 1,
  activePairs: 1,
  acceptedAgreements: 1,
  checkInsDue: { '2026-W47': 1, '2026-W48': 1 },
  checkInsAnswered: { '2026-W47': 1 },
  goalsByPriority: { reliability: 2, none: 1 },
  feedbackAsked: 4,
  feedbackAnswered: 3,
  latestScores: { 'quality:4': 1 },
  ...over,
});

const sum = (rows: PairContribution[]) => rows.reduce((t, r) => applyContribution(t, r, 1), emptyContribution());

describe('program health totals', () => {
  it('adds pairs up and takes one out again to exactly the totals without it', () => {
    const a = pair();
    const b = pair({ latestScores: { 'quality:2': 1 }, atRisk: 1 });
    const both = sum([a, b]);
    expect(both.goalsByPriority).toEqual({ reliability: 4, none: 2 });
    expect(applyContribution(both, b, -1)).toEqual(sum([a]));
    expect(applyContribution(sum([a]), a, -1)).toEqual(emptyContribution());
  });

  it('replacing a pair’s row moves the totals by the difference only', () => {
    const before = pair();
    const after = pair({ checkInsAnswered: { '2026-W47': 1, '2026-W48': 1 }, latestScores: { 'quality:5': 1 } });
    const others = sum([pair(), pair()]);
    expect(replaceContribution(applyContribution(others, before, 1), before, after)).toEqual(applyContribution(others, after, 1));
    expect(replaceContribution(others, undefined, after)).toEqual(applyContribution(others, after, 1));
  });
});

describe('healthFigures', () => {
  it('hides every figure over two pairs (four people)', () => {
    const figures = healthFigures(sum([pair(), pair()]));
    expect(figures.participation).toEqual({ shown: false, note: suppressedNote });
    expect(figures.adherence.every((w) => !w.figure.shown)).toBe(true);
    expect(figures.feedbackResponseRate.shown).toBe(false);
    expect(figures.scores.quality!.shown).toBe(false);
    expect(JSON.stringify(figures)).not.toMatch(/reliability/);
  });

  it('shows participation, weekly adherence, alignment, response rate and scores over five pairs', () => {
    const rows = [4, 4, 5, 2, 3].map((q, i) =>
      pair({ latestScores: { [`quality:${q}`]: 1 }, atRisk: i === 0 ? 1 : 0, acceptedAgreements: i < 4 ? 1 : 0 }),
    );
    const figures = healthFigures(sum(rows));
    expect(figures.participation).toEqual({ shown: true, people: 10, value: { pairs: 5, activePairs: 5, acceptedAgreements: 4 } });
    expect(figures.adherence).toEqual([
      { week: '2026-W47', figure: { shown: true, people: 10, value: 1 } },
      { week: '2026-W48', figure: { shown: true, people: 10, value: 0 } },
    ]);
    expect(figures.goalsByPriority).toEqual({ shown: true, people: 10, value: { reliability: 10, none: 5 } });
    expect(figures.feedbackResponseRate).toEqual({ shown: true, people: 10, value: 0.75 });
    expect(figures.scores.quality).toEqual({ shown: true, people: 5, value: { mean: 3.6, counts: { '2': 1, '3': 1, '4': 2, '5': 1 } } });
    expect(figures.atRisk).toEqual({ shown: true, people: 10, value: 1 });
  });

  it('hides a metric that fewer than five mentees were scored on, even in a large program', () => {
    const rows = [pair({ latestScores: { 'quality:4': 1, 'speed:3': 1 } }), ...Array.from({ length: 5 }, () => pair())];
    const figures = healthFigures(sum(rows));
    expect(figures.scores.quality!.shown).toBe(true);
    expect(figures.scores.speed).toEqual({ shown: false, note: suppressedNote });
  });
});

describe('scorecard trends by quarter', () => {
  const scored = (byPeriod: Record<string, number>) => pair({ scoresByPeriod: byPeriod });

  it('adds and takes out a pair’s counts per quarter like every other count', () => {
    const a = scored({ '2026-Q3|quality:4': 1, '2026-Q4|quality:5': 1 });
    const b = scored({ '2026-Q3|quality:2': 1, '2026-Q4|quality:5': 1 });
    const both = sum([a, b]);
    expect(both.scoresByPeriod).toEqual({ '2026-Q3|quality:4': 1, '2026-Q3|quality:2': 1, '2026-Q4|quality:5': 2 });
    expect(applyContribution(both, b, -1)).toEqual(sum([a]));
    expect(applyContribution(sum([a]), a, -1)).toEqual(emptyContribution());
    const moved = scored({ '2026-Q3|quality:3': 1, '2026-Q4|quality:4': 1 });
    expect(replaceContribution(both, b, moved).scoresByPeriod).toEqual({
      '2026-Q3|quality:4': 1,
      '2026-Q3|quality:3': 1,
      '2026-Q4|quality:5': 1,
      '2026-Q4|quality:4': 1,
    });
  });

  it('reads stored totals and rows written before trends were kept as having none', () => {
    const { scoresByPeriod: _old, ...stored } = pair();
    const old = stored as PairContribution;
    expect(applyContribution(old, scored({ '2026-Q3|quality:4': 1 }), 1).scoresByPeriod).toEqual({ '2026-Q3|quality:4': 1 });
    expect(applyContribution(emptyContribution(), old, 1).scoresByPeriod).toEqual({});
    expect(healthFigures(old).scoreTrends).toEqual({});
  });

  it('gives each quarter’s mean, oldest first, over five or more mentees and hides a quarter with fewer', () => {
    const rows = [
      ...[4, 4, 5, 2, 3].map((q, i) => scored({ [`2026-Q4|quality:${q}`]: 1, ...(i < 3 ? { '2026-Q3|quality:2': 1 } : {}) })),
      scored({ '2026-Q4|quality:3': 1, '2026-Q4|speed:1': 1 }),
    ];
    const trends = healthFigures(sum(rows)).scoreTrends;
    expect(trends.quality).toEqual([
      { period: '2026-Q3', figure: { shown: false, note: suppressedNote } },
      { period: '2026-Q4', figure: { shown: true, people: 6, value: { mean: 3.5, n: 6 } } },
    ]);
    expect(trends.speed).toEqual([{ period: '2026-Q4', figure: { shown: false, note: suppressedNote } }]);
  });
});
