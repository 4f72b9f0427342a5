// Check-in sending at scale:
//  1. Finding what is due among 20,000 pairs: the due index rows (one per pair, spread over two
//     weeks of hourly partitions) are queried the way the sender does, from its cursor to now.
//     Figures: time, entities read, and how many were due (goal: reads within 1.2x of due).
//  2. Dispatch: the real sender (storage, lease, card, Bot Framework client) sends to a local
//     connector that enforces Teams' limits. Figures: messages per second against the 50/s tenant
//     limit (goal: at least 90%), lost and doubled (goal: zero).
import { randomUUID } from 'node:crypto';
import type { TransactionAction } from '@azure/data-tables';
import type { Clock } from '../../bot/checkins/sendRateLimiter';
import { parseConfig } from '../../bot/config';
import { bucketsBetween, dueBucket, dueRowKey } from '../../bot/storage/checkInDueTable';
import { openCheckInStores, seedPairs, senderFor } from '../support/checkIns';
import { startLimitedConnector } from '../support/limitedConnector';

const HOUR = 3_600_000;
const TENANT_LIMIT_PER_SECOND = 50;

export interface DueLookupResult {
  pairs: number;
  due: number;
  entitiesRead: number;
  readsPerDue: number;
  hoursQueried: number;
  ms: number;
  seedMs: number;
  goal: string;
}

export interface DispatchResult {
  checkIns: number;
  delivered: number;
  lost: number;
  doubled: number;
  throttledByConnector: number;
  seconds: number;
  perSecond: number;
  shareOfTenantLimit: number;
  configuredPerSecond: number;
  goal: string;
}

async function inBatches<T>(items: T[], parallel: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

export async function benchDueLookup(connectionString: string, pairs = 20_000): Promise<DueLookupResult> {
  const start = new Date('2026-03-02T00:00:00.000Z');
  const stores = await openCheckInStores(connectionString, `bench${randomUUID().slice(0, 8)}`, () => start);
  // One row per pair, due at a random minute of the next two weeks.
  const byBucket = new Map<string, TransactionAction[]>();
  const dueTimes: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const dueAt = new Date(start.getTime() + Math.floor(Math.random() * 14 * 24 * 60) * 60_000 + (i % 60) * 1000).toISOString();
    dueTimes.push(Date.parse(dueAt));
    const pairId = `pair-${i}`;
    const row = {
      partitionKey: dueBucket(dueAt),
      rowKey: dueRowKey(dueAt, pairId),
      pairId,
      slot: dueAt.slice(0, 10),
      dueAt,
      leaseUntil: '',
      leaseOwner: '',
      claims: 0,
    };
    const list = byBucket.get(row.partitionKey) ?? [];
    list.push(['create', row]);
    byBucket.set(row.partitionKey, list);
  }
  const transactions = [...byBucket.values()].flatMap((actions) =>
    Array.from({ length: Math.ceil(actions.length / 100) }, (_, k) => actions.slice(k * 100, k * 100 + 100)),
  );
  const seedStarted = performance.now();
  await inBatches(transactions, 16, (actions) => stores.tables.checkInsDue.submitTransaction(actions));
  const seedMs = performance.now() - seedStarted;

  // A week in, the last run three hours ago (a missed run or two): the cursor is that hour.
  const now = new Date(start.getTime() + 7 * 24 * HOUR + 30 * 60_000);
  const cursorBucket = dueBucket(new Date(now.getTime() - 3 * HOUR));
  await stores.due.advanceCursor(cursorBucket, undefined);
  // What is really due: rows from the cursor's hour up to now.
  const due = dueTimes.filter((t) => t <= now.getTime() && dueBucket(new Date(t)) >= cursorBucket).length;

  // The sender's own lookup: its cursor, then each hour's partition up to now.
  const started = performance.now();
  const cursor = await stores.due.cursor();
  const hours = bucketsBetween(cursor!.bucket, dueBucket(now));
  let read = 1; // the cursor row
  for (const hour of hours) read += (await stores.due.listDue(hour, now)).length;
  const ms = performance.now() - started;

  return {
    pairs,
    due,
    entitiesRead: read,
    readsPerDue: Math.round((read / due) * 1000) / 1000,
    hoursQueried: hours.length,
    ms: Math.round(ms * 10) / 10,
    seedMs: Math.round(seedMs),
    goal: 'entities read <= 1.2x due',
  };
}

export async function benchDispatch(connectionString: string, checkIns = 600): Promise<DispatchResult> {
  const seededAt = new Date('2026-03-02T00:00:00.000Z');
  const stores = await openCheckInStores(connectionString, `bench${randomUUID().slice(0, 8)}`, () => seededAt);
  const connector = await startLimitedConnector();
  try {
    const indexes = Array.from({ length: checkIns }, (_, i) => i);
    await inBatches(indexes, 24, (i) => seedPairs(stores, [i], connector.serviceUrl, seededAt));

    // Real time, shifted so the pairs' first check-in (Monday 09:00 Berlin) has just come due.
    const offset = Date.parse('2026-03-02T08:30:00.000Z') - Date.now();
    const clock: Clock = { now: () => Date.now() + offset, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
    const configuredPerSecond = parseConfig({}).checkIns.sendsPerSecond;
    const sender = senderFor(stores, clock, {
      options: { tenantPerSecond: configuredPerSecond, concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16) },
    });

    const report = await sender.run();
    const times = connector.acceptedAt;
    const seconds = (times[times.length - 1]! - times[0]!) / 1000;
    const delivered = [...connector.accepted.values()].reduce((a, b) => a + b, 0);
    const perSecond = Math.round(((delivered - 1) / seconds) * 10) / 10;
    if (report.outcomes.sent !== checkIns) throw new Error(`The sender reported ${report.outcomes.sent} sent of ${checkIns}`);
    return {
      checkIns,
      delivered,
      lost: indexes.filter((i) => !connector.accepted.has(`a:1checkin-${i}`)).length,
      doubled: [...connector.accepted.values()].filter((n) => n > 1).length,
      throttledByConnector: connector.throttled,
      seconds: Math.round(seconds * 10) / 10,
      perSecond,
      shareOfTenantLimit: Math.round((perSecond / TENANT_LIMIT_PER_SECOND) * 1000) / 1000,
      configuredPerSecond,
      goal: `>= 90% of ${TENANT_LIMIT_PER_SECOND}/s, zero lost, zero doubled`,
    };
  } finally {
    await connector.close();
  }
}
