// One pass over a due index (check-ins, checkpoint reminders): the hour buckets from the cursor (or
// a first look-back) to now, each row delivered a few at a time within the run's time budget, a
// failing row left for a later run, and the cursor moved up to the oldest hour that still holds
// work, never past the hour before now.
import type { Logger } from '../log';
import { bucketsBetween, dueBucket, type CheckInDueIndex, type DueRow } from '../storage/checkInDueTable';
import type { Clock } from './clock';
import { runBudget } from './timeBudget';
import { eachConcurrently } from './workerPool';

export type RowOutcome = 'sent' | 'already_sent' | 'stale' | 'unreachable' | 'rejected' | 'busy' | 'retry_later';

export interface DueRunReport {
  /** Due rows read from the index. */
  due: number;
  outcomes: Record<RowOutcome, number>;
  /** Index partitions (hours) queried. */
  buckets: number;
}

export interface DueRunOptions {
  maxRunMs: number;
  firstRunLookbackHours: number;
  concurrency: number;
}

export interface DueRun {
  due: Pick<CheckInDueIndex, 'cursor' | 'listDue' | 'advanceCursor'>;
  clock: Clock;
  options: DueRunOptions;
  log: Logger;
  /** What the run is called in the log: `check-in`, `checkpoint reminder`. */
  name: string;
  deliver: (row: DueRow) => Promise<RowOutcome>;
}

export async function runDue({ due, clock, options, log, name, deliver }: DueRun): Promise<DueRunReport> {
  const budget = runBudget(clock, options.maxRunMs);
  const at = new Date(clock.now());
  const cursor = await due.cursor();
  // Always look one hour back as well: a row written by an instance whose clock lags sits there.
  const oneHourBack = dueBucket(new Date(at.getTime() - 3_600_000));
  const firstBucket = cursor
    ? cursor.bucket < oneHourBack
      ? cursor.bucket
      : oneHourBack
    : dueBucket(new Date(at.getTime() - options.firstRunLookbackHours * 3_600_000));
  const buckets = bucketsBetween(firstBucket, dueBucket(at));

  // A storage outage on one row must not stop the run: the row stays and is retried later.
  const deliverSafely = async (row: DueRow): Promise<RowOutcome> => {
    try {
      return await deliver(row);
    } catch (error) {
      log.warn(`${name} row failed; retried on a later run`, {
        pairId: row.pairId,
        error: error instanceof Error ? error.message : String(error),
      });
      return 'retry_later';
    }
  };

  const report: DueRunReport = {
    due: 0,
    buckets: buckets.length,
    outcomes: { sent: 0, already_sent: 0, stale: 0, unreachable: 0, rejected: 0, busy: 0, retry_later: 0 },
  };
  let oldestOpen: string | undefined;
  for (const bucket of buckets) {
    const rows = await due.listDue(bucket, at);
    report.due += rows.length;
    await eachConcurrently(rows, options.concurrency, async (row) => {
      const outcome = budget.spent() ? 'retry_later' : await deliverSafely(row);
      report.outcomes[outcome]++;
      if ((outcome === 'busy' || outcome === 'retry_later') && (oldestOpen === undefined || bucket < oldestOpen)) oldestOpen = bucket;
    });
  }
  const target = oldestOpen !== undefined && oldestOpen < oneHourBack ? oldestOpen : oneHourBack;
  await due.advanceCursor(target, cursor);
  if (report.due > 0) log.info(`${name} run`, { ...report.outcomes, due: report.due, buckets: report.buckets });
  return report;
}
