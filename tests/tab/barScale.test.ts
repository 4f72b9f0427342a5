// Health bars are drawn on their figures' own range: a 1-5 mean from 1 to 5, a share from 0 to 100,
// and only counts (which have no top) from none to the largest shown.
import { describe, expect, test } from 'vitest';
import { barShare, countRange } from '../../tab/components/Program/barScale';
import { defaultScorecardMetrics } from '../../shared/program';

const quality = defaultScorecardMetrics.find((m) => m.id === 'quality')!.scale;
const taskCompletion = defaultScorecardMetrics.find((m) => m.id === 'task-completion')!.scale;

describe('a bar’s share of the full bar', () => {
  test('is the value’s place on the metric’s own scale, so a small change stays small', () => {
    expect(barShare(1, quality)).toBe(0);
    expect(barShare(3, quality)).toBe(0.5);
    expect(barShare(5, quality)).toBe(1);
    expect(barShare(2.1, quality)).toBeCloseTo(0.275);
    expect(barShare(2.3, quality)).toBeCloseTo(0.325);
    expect(barShare(80, taskCompletion)).toBe(0.8);
  });

  test('stays inside the bar for a value off the scale, and is empty on a range with no width', () => {
    expect(barShare(0, quality)).toBe(0);
    expect(barShare(7, quality)).toBe(1);
    expect(barShare(3, { min: 3, max: 3 })).toBe(0);
  });
});

describe('a chart of counts', () => {
  test('runs from none to the largest count shown, at least one; hidden figures count as none', () => {
    expect(countRange([2, 7, undefined, 3])).toEqual({ min: 0, max: 7 });
    expect(countRange([0, undefined])).toEqual({ min: 0, max: 1 });
    expect(barShare(7, countRange([2, 7]))).toBe(1);
  });
});
