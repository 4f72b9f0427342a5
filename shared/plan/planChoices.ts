// What a door offers a person to act on: the goals that take new work, and the pair a command
// acts on. Every door (tab, bot command, card, message extension) asks here instead of filtering.
import type { PairSummary } from '../api';
import type { Goal } from '../goal';
import type { PairRole } from '../mentorship';

/** Only active goals take new work (check-in progress, feedback requests, milestones, wins). */
export const isActiveGoal = (goal: Pick<Goal, 'status'>): boolean => goal.status === 'active';

/** The active goals of a list of stored (versioned) goals, in the list's order. */
export const activeGoals = <T extends { value: Pick<Goal, 'status'> }>(goals: readonly T[]): T[] =>
  goals.filter((g) => isActiveGoal(g.value));

export type PairChoice =
  | { kind: 'one'; pair: PairSummary }
  /** Several pairs fit: the person chooses (a mentor who is also a mentee, a mentee with two mentors). */
  | { kind: 'several'; pairs: PairSummary[] }
  | { kind: 'none' };

/**
 * The pair a command acts on. An ended pair is never offered; `role` keeps the pairs where the
 * person has that role (only a mentee asks for feedback on their own goals); `pairId` is the choice
 * the person already made, honoured only when it is one of the pairs that fit.
 */
export function choosePair(pairs: readonly PairSummary[], options: { role?: PairRole; pairId?: string } = {}): PairChoice {
  const fitting = pairs.filter((p) => p.status !== 'ended' && (options.role === undefined || p.role === options.role));
  if (options.pairId !== undefined) {
    const chosen = fitting.find((p) => p.pairId === options.pairId);
    return chosen ? { kind: 'one', pair: chosen } : { kind: 'none' };
  }
  if (fitting.length === 0) return { kind: 'none' };
  if (fitting.length === 1) return { kind: 'one', pair: fitting[0]! };
  return { kind: 'several', pairs: fitting };
}
