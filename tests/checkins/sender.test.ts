// The check-in sender against Azurite and a recording connector standing in for Teams: sent on
// time, once, with two instances racing, a process dying mid-run, throttling and failures, and a
// mentee who removed the app.
import { beforeEach, describe, expect } from 'vitest';
import { dueBucket, dueRowKey } from '../../bot/storage/checkInDueTable';
import {
  conversationIdOf,
  fakeClock,
  openCheckInStores,
  seedPairs,
  senderFor,
  type CheckInStores,
  type FakeClock,
} from '../support/checkIns';
import { serverTest } from '../support/fixtures';
import { newTablePrefix, testConnectionString } from '../support/storage';

// Monday 2 March 2026, 00:00 UTC. Weekly pairs in Berlin are due that day at 09:00 local (08:00 UTC).
const MONDAY = new Date('2026-03-02T00:00:00.000Z');
const DUE_AT = '2026-03-02T08:00:00.000Z';
const AFTER_DUE = new Date('2026-03-02T08:30:00.000Z');
const NEXT_DUE_AT = '2026-03-09T08:00:00.000Z';

let clock: FakeClock;
let stores: CheckInStores;
let batch = 0;
const test = serverTest
  /** How many check-in cards each conversation received (accepted by the connector). */
  .extend(
    'deliveriesPerConversation',
    ({ connector }) =>
      function deliveriesPerConversation(): Map<string, number> {
        const counts = new Map<string, number>();
        for (const r of connector.delivered()) counts.set(r.conversationId, (counts.get(r.conversationId) ?? 0) + 1);
        return counts;
      },
  );

beforeEach(async () => {
  clock = fakeClock(MONDAY);
  // Fresh tables for every test: each starts with no due rows and no cursor.
  stores = await openCheckInStores(testConnectionString(), newTablePrefix(), () => clock.date);
  batch++;
});

const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);
const pairIndexes = (n: number) => range(n, batch * 1000);

describe('due check-ins', () => {
  test('are sent at the mentee’s local time, once each, and the next slot is planned', async ({ connector, deliveriesPerConversation }) => {
    const pairs = pairIndexes(5);
    await seedPairs(stores, pairs, connector.serviceUrl, clock.date);
    const sender = senderFor(stores, clock);

    clock.set(new Date('2026-03-02T07:59:00.000Z'));
    expect((await sender.run()).outcomes.sent).toBe(0);
    expect(connector.delivered()).toHaveLength(0);

    clock.set(AFTER_DUE);
    const report = await sender.run();
    expect(report).toMatchObject({ due: 5, outcomes: { sent: 5 } });
    expect([...deliveriesPerConversation().entries()].sort()).toEqual(pairs.map((i) => [conversationIdOf(i), 1]).sort());
    const card = connector.delivered()[0]!.body.attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');

    for (const i of pairs) {
      // Sent within the run's first second (the rate limiter spaces sends ~22 ms apart).
      expect((await stores.checkIns.get(`pair-${i}`, '2026-03-02'))?.value).toMatchObject({
        status: 'sent',
        dueAt: DUE_AT,
        sentAt: expect.stringMatching(/^2026-03-02T08:30:00\./),
      });
      expect((await stores.schedules.get(`pair-${i}`))?.value).toMatchObject({
        lastSentSlot: '2026-03-02',
        nextSlot: '2026-03-09',
        nextDueAt: NEXT_DUE_AT,
      });
    }
    // The index holds only the next slots now.
    expect(await stores.due.listDue(dueBucket(DUE_AT), AFTER_DUE)).toEqual([]);
    expect(await stores.due.listDue(dueBucket(NEXT_DUE_AT), new Date(NEXT_DUE_AT))).toHaveLength(5);

    // A later run the same day finds nothing more to send.
    clock.advance(60_000);
    expect((await sender.run()).outcomes.sent).toBe(0);
    expect(connector.delivered()).toHaveLength(5);
  });

  test('are sent exactly once when two instances run at the same moment', async ({ connector }) => {
    const pairs = pairIndexes(24);
    await seedPairs(stores, pairs, connector.serviceUrl, clock.date);
    clock.set(AFTER_DUE);
    const a = senderFor(stores, clock, { instanceId: 'instance-a', options: { concurrency: 6 } });
    const b = senderFor(stores, clock, { instanceId: 'instance-b', options: { concurrency: 6 } });

    const [ra, rb] = await Promise.all([a.run(), b.run()]);

    expect(connector.delivered()).toHaveLength(24);
    expect(new Set(connector.delivered().map((r) => r.conversationId)).size).toBe(24);
    expect(ra.outcomes.sent + rb.outcomes.sent + ra.outcomes.already_sent + rb.outcomes.already_sent).toBe(24);
    // Both saw the rows; whatever one of them sent, the other skipped.
    expect(ra.due + rb.due).toBeGreaterThanOrEqual(24);
    for (const i of pairs) expect((await stores.checkIns.list(`pair-${i}`)).map((c) => c.value.slot)).toEqual(['2026-03-02']);
  });

  test('are sent once by another instance after a process died holding the lease', async ({ connector }) => {
    const [i] = pairIndexes(1);
    await seedPairs(stores, [i!], connector.serviceUrl, clock.date);
    clock.set(AFTER_DUE);
    // The dying instance: claimed the row, then nothing (crashed before sending).
    const [row] = await stores.due.listDue(dueBucket(DUE_AT), clock.date);
    expect(await stores.due.claim(row!, 'dead-instance', new Date(clock.now() + 120_000))).toBeDefined();

    const survivor = senderFor(stores, clock, { instanceId: 'survivor' });
    expect((await survivor.run()).outcomes).toMatchObject({ busy: 1, sent: 0 });
    expect(connector.delivered()).toHaveLength(0);

    clock.advance(121_000);
    expect((await survivor.run()).outcomes).toMatchObject({ sent: 1 });
    clock.advance(60_000);
    await survivor.run();
    expect(connector.delivered()).toHaveLength(1);
    expect((await stores.schedules.get(`pair-${i}`))?.value.nextSlot).toBe('2026-03-09');
  });

  test('are not sent again when a process died after recording the send', async ({ connector }) => {
    const [i] = pairIndexes(1);
    await seedPairs(stores, [i!], connector.serviceUrl, clock.date);
    clock.set(AFTER_DUE);
    const [row] = await stores.due.listDue(dueBucket(DUE_AT), clock.date);
    await stores.due.claim(row!, 'dead-instance', new Date(clock.now() + 120_000));
    // It sent and recorded, then died before planning the next slot and deleting the row.
    await stores.checkIns.recordSent({
      pairId: `pair-${i}`,
      slot: '2026-03-02',
      dueAt: DUE_AT,
      status: 'sent',
      sentAt: clock.date.toISOString(),
      comments: [],
    });

    clock.advance(121_000);
    const report = await senderFor(stores, clock).run();
    expect(report.outcomes).toMatchObject({ already_sent: 1, sent: 0 });
    expect(connector.delivered()).toHaveLength(0);
    expect((await stores.schedules.get(`pair-${i}`))?.value).toMatchObject({ lastSentSlot: '2026-03-02', nextDueAt: NEXT_DUE_AT });
  });

  test('survive throttling (429 with Retry-After) and server errors: none lost, none doubled', async ({
    connector,
    deliveriesPerConversation,
  }) => {
    const pairs = pairIndexes(12);
    await seedPairs(stores, pairs, connector.serviceUrl, clock.date);
    clock.set(AFTER_DUE);
    let posts = 0;
    connector.failWith(() => {
      posts++;
      if (posts === 2 || posts === 3) return { status: 429, headers: { 'Retry-After': '7' }, code: 'TooManyRequests' };
      if (posts % 4 === 0) return { status: posts % 8 === 0 ? 502 : 500 };
      return undefined;
    });
    const sender = senderFor(stores, clock, { options: { concurrency: 4 } });

    const report = await sender.run();

    expect(report.outcomes.sent).toBe(12);
    expect(connector.delivered()).toHaveLength(12);
    expect([...deliveriesPerConversation().values()].every((n) => n === 1)).toBe(true);
    expect(connector.requests.filter((r) => r.status === 429)).toHaveLength(2);
    expect(connector.requests.filter((r) => (r.status ?? 0) >= 500).length).toBeGreaterThan(0);
    // Retry-After was honoured: somebody waited at least 7 s of (fake) time after a 429.
    expect(Math.max(...clock.sleeps)).toBeGreaterThanOrEqual(7_000);
  });

  test('keeps a check-in that still fails after every attempt, and sends it on a later run', async ({ connector }) => {
    const [i] = pairIndexes(1);
    await seedPairs(stores, [i!], connector.serviceUrl, clock.date);
    clock.set(AFTER_DUE);
    connector.failWith(() => ({ status: 503 }));
    const sender = senderFor(stores, clock, { options: { maxAttempts: 3 } });
    expect((await sender.run()).outcomes.retry_later).toBe(1);
    expect(connector.delivered()).toHaveLength(0);

    connector.failWith(undefined);
    clock.advance(5 * 60_000);
    expect((await sender.run()).outcomes.sent).toBe(1);
    expect(connector.delivered()).toHaveLength(1);
  });

  test('marks a mentee who removed the app (403) unreachable and does not retry', async ({ connector }) => {
    const [gone, present] = pairIndexes(2);
    await seedPairs(stores, [gone!, present!], connector.serviceUrl, clock.date);
    clock.set(AFTER_DUE);
    connector.failWith((r) =>
      r.conversationId === conversationIdOf(gone!) ? { status: 403, code: 'BotNotInConversationRoster' } : undefined,
    );
    const sender = senderFor(stores, clock);

    expect((await sender.run()).outcomes).toMatchObject({ sent: 1, unreachable: 1 });
    const schedule = (await stores.schedules.get(`pair-${gone}`))?.value;
    expect(schedule?.unreachable).toEqual({ since: expect.stringMatching(/^2026-03-02T08:30:00\./), detail: 'BotNotInConversationRoster' });
    expect(schedule?.nextDueAt).toBeUndefined();

    // Weeks later: nothing more goes to the removed conversation.
    clock.set(new Date('2026-03-23T12:00:00.000Z'));
    await sender.run();
    const toGone = connector.requests.filter((r) => r.conversationId === conversationIdOf(gone!));
    expect(toGone).toHaveLength(1);
    expect(connector.delivered().filter((r) => r.conversationId === conversationIdOf(present!)).length).toBeGreaterThanOrEqual(2);
  });

  test('marks a mentee whose conversation was never stored, and plans again once they install', async ({ connector }) => {
    const [i] = pairIndexes(1);
    await seedPairs(stores, [i!], connector.serviceUrl, clock.date);
    await stores.tables.conversations.deleteEntity('conversation', `mentee-${i}`);
    clock.set(AFTER_DUE);
    expect((await senderFor(stores, clock).run()).outcomes.unreachable).toBe(1);
    expect((await stores.schedules.get(`pair-${i}`))?.value.unreachable?.detail).toBe('not_installed');

    await stores.scheduling.reachableAgain(`mentee-${i}`);
    expect((await stores.schedules.get(`pair-${i}`))?.value).toMatchObject({ nextSlot: '2026-03-09', nextDueAt: NEXT_DUE_AT });
    expect((await stores.schedules.get(`pair-${i}`))?.value.unreachable).toBeUndefined();
  });

  test('drops an index row the schedule no longer plans, without sending', async ({ connector }) => {
    const [i] = pairIndexes(1);
    await seedPairs(stores, [i!], connector.serviceUrl, clock.date);
    // An orphan: filed for a due time the schedule never settled on (a crash between the writes).
    await stores.due.file({ pairId: `pair-${i}`, slot: '2026-03-02', dueAt: '2026-03-02T06:00:00.000Z' });
    clock.set(new Date('2026-03-02T06:30:00.000Z'));
    expect((await senderFor(stores, clock).run()).outcomes).toMatchObject({ stale: 1, sent: 0 });
    expect(connector.delivered()).toHaveLength(0);
    await expect(
      stores.tables.checkInsDue.getEntity(dueBucket('2026-03-02T06:00:00.000Z'), dueRowKey('2026-03-02T06:00:00.000Z', `pair-${i}`)),
    ).rejects.toMatchObject({ statusCode: 404 });
  });
});
