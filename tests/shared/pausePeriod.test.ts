import { describe, expect, it } from 'vitest';
import { pauseUntil } from '../../shared/checkins/pausePeriod';

const today = '2026-11-23';

describe('pause until', () => {
  it.each([
    [['until', '2026-12-31'], '2026-12-31'],
    [['2026-12-31'], '2026-12-31'],
    [['2', 'weeks'], '2026-12-07'],
    [['for', '10', 'days'], '2026-12-03'],
    [['1', 'month'], '2026-12-23'],
    [['1', 'week'], '2026-11-30'],
  ])('reads %j as %s', (words, expected) => {
    expect(pauseUntil(words, today)).toBe(expected);
  });

  it.each([
    [[]],
    [['until']],
    [['soon']],
    [['2026-02-30']],
    [['0', 'weeks']],
    [['2.5', 'weeks']],
    [['2', 'fortnights']],
    [['13', 'months']],
    [['until', '2026-12-31', 'please']],
  ])('finds no date or period in %j', (words) => {
    expect(pauseUntil(words, today)).toBeUndefined();
  });
});
