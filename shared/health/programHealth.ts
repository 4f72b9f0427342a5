// Program health (capability 13) as sums that are kept up to date as things happen: each pair
// contributes one row of counts; a change to a pair replaces its row, and the program's totals move
// by the difference. A dashboard then reads totals, never every pair, so it costs the same for 100
// pairs as for 20,000. Figures are shown only over five or more people (smallGroups.ts).
import { figureOf, type Figure } from './smallGroups';

/** Scores are kept as counts per rounded value, so distributions and means add up across pairs. */
export type ScoreCounts = Record<string, number>;

/** What one pair adds to its program's health. Every field is a count, so rows add and subtract. */
export interface PairContribution {
  pairs: number;
  activePairs: number;
  acceptedAgreements: number;
  /** Check-ins due and answered, by ISO week (`2026-W48`). */
  checkInsDue: Record<string, number>;
  checkInsAnswered: Record<string, number>;
  /** Open and closed goals by priority id; `none` for goals linked to no priority. */
  goalsByPriority: Record<string, number>;
  feedbackAsked: number;
  feedbackAnswered: number;
  /** The latest checkpoint's value of each metric, as counts per value (`quality:4` → 1). */
  latestScores: ScoreCounts;
  /**
   * Each signed-off shared checkpoint's values by the quarter it was due in (checkpointQuarter), as
   * counts per value (`2026-Q3|quality:4` → 1); one checkpoint per pair and quarter, its latest.
   */
  scoresByPeriod: ScoreCounts;
  atRisk: number;
}

export const emptyContribution = (): PairContribution => ({
  pairs: 0,
  activePairs: 0,
  acceptedAgreements: 0,
  checkInsDue: {},
  checkInsAnswered: {},
  goalsByPriority: {},
  feedbackAsked: 0,
  feedbackAnswered: 0,
  latestScores: {},
  scoresByPeriod: {},
  atRisk: 0,
});

/** A stored row written before a field existed reads as if that field were empty. */
const complete = (row: PairContribution): PairContribution => ({ ...emptyContribution(), ...row });

const addCounts = (into: Record<string, number>, from: Record<string, number>, sign: 1 | -1) => {
  for (const [key, n] of Object.entries(from)) {
    const next = (into[key] ?? 0) + sign * n;
    if (next === 0) delete into[key];
    else into[key] = next;
  }
};

/** `totals` moved by `row` (sign 1) or with `row` taken out (sign -1); a new object, inputs untouched. */
export function applyContribution(totals: PairContribution, row: PairContribution, sign: 1 | -1): PairContribution {
  const next: PairContribution = structuredClone(complete(totals));
  const moved = complete(row);
  for (const key of ['pairs', 'activePairs', 'acceptedAgreements', 'feedbackAsked', 'feedbackAnswered', 'atRisk'] as const) {
    next[key] += sign * moved[key];
  }
  for (const key of ['checkInsDue', 'checkInsAnswered', 'goalsByPriority', 'latestScores', 'scoresByPeriod'] as const)
    addCounts(next[key], moved[key], sign);
  return next;
}

/** The difference between a pair's old and new rows, to add to the totals in one step. */
export const replaceContribution = (totals: PairContribution, before: PairContribution | undefined, after: PairContribution) =>
  applyContribution(before ? applyContribution(totals, before, -1) : totals, after, 1);

export interface HealthFigures {
  participation: Figure<{ pairs: number; activePairs: number; acceptedAgreements: number }>;
  /** Share of due check-ins answered, per week, oldest first. */
  adherence: { week: string; figure: Figure<number> }[];
  goalsByPriority: Figure<Record<string, number>>;
  feedbackResponseRate: Figure<number>;
  /** Per metric: mean and counts per value of the latest checkpoint scores. */
  scores: Record<string, Figure<{ mean: number; counts: Record<string, number> }>>;
  /** Per metric, per quarter (oldest first): the mean of the values given that quarter and how many mentees gave them. */
  scoreTrends: Record<string, { period: string; figure: Figure<{ mean: number; n: number }> }[]>;
  atRisk: Figure<number>;
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

/**
 * The dashboard's figures from a program's (or a slice's) totals. A pair is two people, so a figure
 * over n pairs describes 2n people; a figure over the scores of n pairs describes n mentees.
 */
export function healthFigures(stored: PairContribution): HealthFigures {
  const totals = complete(stored);
  const people = totals.pairs * 2;
  const scores: HealthFigures['scores'] = {};
  const byMetric = new Map<string, [string, number][]>();
  for (const [key, n] of Object.entries(totals.latestScores)) {
    const [metric, value] = key.split(':') as [string, string];
    byMetric.set(metric, [...(byMetric.get(metric) ?? []), [value, n]]);
  }
  for (const [metric, values] of byMetric) {
    const count = values.reduce((s, [, n]) => s + n, 0);
    scores[metric] = figureOf(count, () => ({
      mean: Math.round((values.reduce((s, [v, n]) => s + Number(v) * n, 0) / count) * 100) / 100,
      counts: Object.fromEntries(values.sort(([a], [b]) => Number(a) - Number(b))),
    }));
  }
  const trendValues = new Map<string, Map<string, [number, number][]>>();
  for (const [key, n] of Object.entries(totals.scoresByPeriod)) {
    const [period, rest] = key.split('|') as [string, string];
    const [metric, value] = rest.split(':') as [string, string];
    const periods = trendValues.get(metric) ?? new Map<string, [number, number][]>();
    periods.set(period, [...(periods.get(period) ?? []), [Number(value), n]]);
    trendValues.set(metric, periods);
  }
  const scoreTrends: HealthFigures['scoreTrends'] = {};
  for (const [metric, periods] of trendValues) {
    scoreTrends[metric] = [...periods.keys()].sort().map((period) => {
      const values = periods.get(period)!;
      const n = values.reduce((sum, [, count]) => sum + count, 0);
      return {
        period,
        figure: figureOf(n, () => ({ mean: Math.round((values.reduce((sum, [v, count]) => sum + v * count, 0) / n) * 100) / 100, n })),
      };
    });
  }
  return {
    participation: figureOf(people, () => ({
      pairs: totals.pairs,
      activePairs: totals.activePairs,
      acceptedAgreements: totals.acceptedAgreements,
    })),
    adherence: Object.keys(totals.checkInsDue)
      .sort()
      .map((week) => ({ week, figure: figureOf(people, () => share(totals.checkInsAnswered[week] ?? 0, totals.checkInsDue[week] ?? 0)) })),
    goalsByPriority: figureOf(people, () => ({ ...totals.goalsByPriority })),
    feedbackResponseRate: figureOf(people, () => share(totals.feedbackAnswered, totals.feedbackAsked)),
    scores,
    scoreTrends,
    atRisk: figureOf(people, () => totals.atRisk),
  };
}
