// The machinery every background job shares: joining a run in flight, lease timing, the worker
// pool's bound and order, and time budgets.
import { describe, expect, it } from 'vitest';
import { leaseTerms } from '../../bot/jobs/lease';
import { singleFlight } from '../../bot/jobs/singleFlight';
import { runBudget, withinBudget } from '../../bot/jobs/timeBudget';
import { eachConcurrently } from '../../bot/jobs/workerPool';

describe('singleFlight', () => {
  it('joins a call made while a run is going, and starts a new run once it settled', async () => {
    let runs = 0;
    let finish: (n: number) => void = () => undefined;
    const run = singleFlight(() => {
      runs++;
      return new Promise<number>((resolve) => (finish = resolve));
    });
    const first = run();
    const second = run();
    expect(second).toBe(first);
    finish(1);
    expect(await second).toBe(1);
    const third = run();
    expect(third).not.toBe(first);
    finish(2);
    expect(await third).toBe(2);
    expect(runs).toBe(2);
  });

  it('lets the next call run again after a run failed', async () => {
    let fail = true;
    const run = singleFlight(async () => {
      if (fail) throw new Error('storage down');
      return 'ok';
    });
    await expect(run()).rejects.toThrow('storage down');
    fail = false;
    expect(await run()).toBe('ok');
  });
});

describe('leaseTerms', () => {
  it('holds until its end, renews in its second half and refuses waits longer than half of it', () => {
    let now = Date.parse('2027-03-01T09:00:00Z');
    const lease = leaseTerms({ owner: 'a', ms: 120_000, clock: { now: () => now } });
    const until = lease.until().toISOString();
    expect(until).toBe('2027-03-01T09:02:00.000Z');
    expect(lease.held(until)).toBe(true);
    expect(lease.held(undefined)).toBe(false);
    now += 59_000;
    expect(lease.renewalDue(until)).toBe(false);
    now += 2_000;
    expect(lease.renewalDue(until)).toBe(true);
    now += 59_000;
    expect(lease.held(until)).toBe(false);
    expect(lease.outlasts(60_000)).toBe(false);
    expect(lease.outlasts(60_001)).toBe(true);
  });
});

describe('eachConcurrently', () => {
  it('starts the items in order and never runs more than the bound at once', async () => {
    const started: number[] = [];
    let running = 0;
    let most = 0;
    await eachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      started.push(n);
      most = Math.max(most, ++running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
    });
    expect(started).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });
});

describe('time budgets', () => {
  it('answers with the work when it is in time, else with the fallback', async () => {
    expect(await withinBudget(Promise.resolve('done'), 1_000, () => 'late')).toBe('done');
    expect(await withinBudget(new Promise<string>(() => undefined), 1, () => 'late')).toBe('late');
  });

  it('is spent once more than its length has passed on the clock', () => {
    let now = 0;
    const budget = runBudget({ now: () => now, sleep: async () => undefined }, 1_000);
    now = 1_000;
    expect(budget.spent()).toBe(false);
    now = 1_001;
    expect(budget.spent()).toBe(true);
  });
});
