// One pass over a due index (check-ins, checkpoint reminders): the hour buckets from the cursor (or
// a first look-back) to now, each row delivered a few at a time within the run's time budget, a
// failing row left for a later run, and the cursor moved up to the oldest hour that still holds
// work, never past the hour before now.
import type { AdaptiveCard } from '../cards/adaptiveCard';
import type { ProactiveMessenger } from '../checkins/proactiveMessenger';
import type { SendRateLimiter } from '../checkins/sendRateLimiter';
import type { Logger } from '../log';
import type { PairRole } from '../../shared/mentorship';
import type { StoredConversation } from '../../shared/repositories';
import { bucketsBetween, dueBucket, type CheckInDueIndex, type DueRow } from '../storage/checkInDueTable';
import type { Clock } from './clock';
import type { Lease } from './lease';
import { runBudget } from './timeBudget';
import { eachConcurrently } from './workerPool';

/**
 * A due row that tells one person of a pair (a checkpoint reminder, a renewal card) names them in
 * its `pairId` column: `{pairId}|{role}`.
 */
export const pairRoleTarget = (pairId: string, role: PairRole) => `${pairId}|${role}`;

/** The pair and role a `pairRoleTarget` names; undefined for anything else. */
export function parsePairRoleTarget(target: string): { pairId: string; role: PairRole } | undefined {
  const [pairId, role, ...rest] = target.split('|');
  return pairId && rest.length === 0 && (role === 'mentor' || role === 'mentee') ? { pairId, role } : undefined;
}

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

/** What a sender over a due index brings to a delivery: its lease, Teams' send limits, its backoff. */
export interface DeliveryMachinery {
  clock: Pick<Clock, 'sleep'>;
  random: () => number;
  options: { maxAttempts: number; backoffBaseMs: number };
  lease: Lease;
  limiter: Pick<SendRateLimiter, 'acquire' | 'pauseTenant'>;
  backoff: (attempt: number) => number;
}

export interface Delivery {
  /** The claimed row; its lease is renewed under its ETag before every attempt. */
  row: DueRow;
  due: Pick<CheckInDueIndex, 'claim'>;
  machinery: DeliveryMachinery;
  messenger: ProactiveMessenger;
  conversation: Pick<StoredConversation, 'tenantId' | 'conversationId' | 'reference'>;
  card: AdaptiveCard;
  log: Logger;
  /** What is sent, in the log: `check-in`, `checkpoint reminder`. */
  name: string;
}

export type DeliveryOutcome =
  | { kind: 'sent'; row: DueRow }
  | { kind: 'unreachable'; row: DueRow; status: number; detail: string }
  | { kind: 'rejected'; row: DueRow; status: number; detail: string }
  | { kind: 'busy' }
  | { kind: 'retry_later' };

/**
 * Sends one card of a claimed due row: before each attempt the lease is renewed when half of it is
 * gone (a holder that lost it stops before sending), then the rate limiter lets it through. A 429
 * waits its Retry-After and pauses the whole tenant; 5xx and timeouts back off with jitter; a wait
 * longer than the lease covers, or too many attempts, leave the row for a later run. Unreachable and
 * rejected sends are returned for the sender to record in its own way.
 */
export async function deliverWithRetry({
  due,
  machinery,
  messenger,
  conversation,
  card,
  log,
  name,
  ...start
}: Delivery): Promise<DeliveryOutcome> {
  const { clock, random, options, lease, limiter, backoff } = machinery;
  let row = start.row;
  for (let attempt = 0; attempt < options.maxAttempts; attempt++) {
    if (lease.renewalDue(row.leaseUntil)) {
      const renewed = await due.claim(row, lease.owner, lease.until(), true);
      if (!renewed) return { kind: 'busy' };
      row = renewed;
    }
    await limiter.acquire(conversation.tenantId, conversation.conversationId);
    const outcome = await messenger.send(conversation.reference, card);
    if (outcome.kind === 'sent') return { kind: 'sent', row };
    if (outcome.kind === 'unreachable') return { kind: 'unreachable', row, status: outcome.status, detail: outcome.detail };
    if (outcome.kind === 'rejected') return { kind: 'rejected', row, status: outcome.status, detail: outcome.detail };
    let wait = backoff(attempt);
    if (outcome.kind === 'throttled' && outcome.retryAfterMs !== undefined) {
      limiter.pauseTenant(conversation.tenantId, outcome.retryAfterMs);
      wait = outcome.retryAfterMs + random() * options.backoffBaseMs;
    }
    if (lease.outlasts(wait)) return { kind: 'retry_later' };
    log.debug(`${name} send retried`, { pairId: row.pairId, kind: outcome.kind, detail: outcome.detail, waitMs: Math.round(wait) });
    await clock.sleep(wait);
  }
  return { kind: 'retry_later' };
}
