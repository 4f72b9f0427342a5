// Where a health bar ends: each chart draws its figures on their own range, so a mean of 2.1 on a
// 1-5 metric fills about a quarter of the bar and a change from 2.1 to 2.3 looks like one.

export interface BarRange {
  min: number;
  max: number;
}

/** How much of the full bar a value fills, 0 to 1: its place between the range's ends, held inside them. */
export function barShare(value: number, { min, max }: BarRange): number {
  if (!(max > min)) return 0;
  return Math.min(1, Math.max(0, (value - min) / (max - min)));
}

/** The range of a chart of counts, which have no top of their own: from none to the largest shown (at least one). */
export const countRange = (values: readonly (number | undefined)[]): BarRange => ({
  min: 0,
  max: Math.max(1, ...values.map((v) => v ?? 0)),
});
