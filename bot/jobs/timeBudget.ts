// Time budgets. Teams waits 5 seconds for an invoke and a connector call can hang: work that may
// outlast its budget is raced against it and the caller goes on with a fallback (the work itself
// finishes, or fails, on its own). A job run stops taking new rows once its budget is spent.
import pTimeout, { TimeoutError } from 'p-timeout';
import type { Clock } from './clock';

export { TimeoutError };

/** `work`'s result, or `late()`'s once `ms` has passed without one. */
export function withinBudget<T, F = T>(work: Promise<T>, ms: number, late: () => F): Promise<T | F> {
  return pTimeout<T, T | F>(work, { milliseconds: ms, fallback: late });
}

/** `work`'s result, or a `TimeoutError` once `ms` has passed without one. */
export function failAfter<T>(work: Promise<T>, ms: number): Promise<T> {
  return pTimeout(work, { milliseconds: ms });
}

/** A run's budget, started now: `spent()` once more than `ms` has passed on `clock`. */
export function runBudget(clock: Clock, ms: number): { spent(): boolean } {
  const startedAt = clock.now();
  return { spent: () => clock.now() - startedAt > ms };
}
