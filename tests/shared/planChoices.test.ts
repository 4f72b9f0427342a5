import { describe, expect, it } from 'vitest';
import type { PairSummary } from '../../shared/api';
import { activeGoals, choosePair, isActiveGoal } from '../../shared/plan/planChoices';

const person = { id: 'x', displayName: 'X', timeZone: 'UTC' } as PairSummary['other'];
const pair = (pairId: string, role: PairSummary['role'], status: PairSummary['status'] = 'active'): PairSummary => ({
  pairId,
  role,
  status,
  other: person,
});

describe('activeGoals', () => {
  it('keeps active goals in order and leaves completed and dropped ones out', () => {
    const goals = [
      { value: { status: 'active' as const }, id: 1 },
      { value: { status: 'completed' as const }, id: 2 },
      { value: { status: 'dropped' as const }, id: 3 },
      { value: { status: 'active' as const }, id: 4 },
    ];
    expect(activeGoals(goals).map((g) => g.id)).toEqual([1, 4]);
    expect(isActiveGoal({ status: 'completed' })).toBe(false);
  });
});

describe('choosePair', () => {
  it('picks the only pair that fits', () => {
    expect(choosePair([pair('a', 'mentee'), pair('b', 'mentor')], { role: 'mentee' })).toEqual({ kind: 'one', pair: pair('a', 'mentee') });
  });
  it('lets a person in several pairs choose', () => {
    const choice = choosePair([pair('a', 'mentee'), pair('b', 'mentor'), pair('c', 'mentee')]);
    expect(choice).toEqual({ kind: 'several', pairs: [pair('a', 'mentee'), pair('b', 'mentor'), pair('c', 'mentee')] });
  });
  it('never offers an ended pair', () => {
    expect(choosePair([pair('a', 'mentee', 'ended')])).toEqual({ kind: 'none' });
  });
  it('honours a choice only among the pairs that fit', () => {
    const pairs = [pair('a', 'mentee'), pair('b', 'mentor')];
    expect(choosePair(pairs, { pairId: 'b' })).toEqual({ kind: 'one', pair: pair('b', 'mentor') });
    expect(choosePair(pairs, { role: 'mentee', pairId: 'b' })).toEqual({ kind: 'none' });
    expect(choosePair(pairs, { pairId: 'zzz' })).toEqual({ kind: 'none' });
  });
});
