// Pause, resume and snooze: who may, and what each does to the next due time, in the schedule row,
// in the due index, and so in what the sender sends.
import { describe, expect } from 'vitest';
import { dueBucket } from '../../bot/storage/checkInDueTable';
import type { Actor } from '../../shared/policy';
import { fakeClock, openCheckInStores, seedPairs, senderFor, testPair, type CheckInStores, type FakeClock } from '../support/checkIns';
import { serverTest as test } from '../support/fixtures';
import { newTablePrefix, testConnectionString } from '../support/storage';
import { DEVELOPMENT_TENANT_ID } from '../../shared/person';

// Monday 2 March 2026. A weekly pair in Berlin is due at 09:00 local: 08:00 UTC until the clocks
// change on 29 March, 07:00 UTC after.
const MONDAY = new Date('2026-03-02T00:00:00.000Z');
const DUE_AT = '2026-03-02T08:00:00.000Z';

let clock: FakeClock;
let stores: CheckInStores;
let n = 0;
let pairId: string;
let mentee: Actor;
let mentor: Actor;

const actor = (id: string): Actor => ({ id, tenantId: DEVELOPMENT_TENANT_ID, timeZone: 'Europe/Berlin', appRoles: [] });
const schedule = async () => (await stores.schedules.get(pairId))!.value;
const dueRows = async (dueAt: string) => stores.due.listDue(dueBucket(dueAt), new Date(dueAt));

test.beforeEach(async ({ connector }) => {
  clock = fakeClock(MONDAY);
  stores = await openCheckInStores(testConnectionString(), newTablePrefix(), () => clock.date);
  const i = 5000 + n++;
  await seedPairs(stores, [i], connector.serviceUrl, clock.date);
  const { mentorship } = testPair(i);
  pairId = mentorship.id;
  mentee = actor(mentorship.menteeId);
  mentor = actor(mentorship.mentorId);
});

describe('a new schedule', () => {
  test('plans the first check-in of the pair’s cadence at 09:00 in the mentee’s zone, filed in the due index', async () => {
    expect(await schedule()).toMatchObject({ cadence: 'weekly', timeZone: 'Europe/Berlin', nextSlot: '2026-03-02', nextDueAt: DUE_AT });
    expect((await dueRows(DUE_AT)).map((r) => r.pairId)).toEqual([pairId]);
  });

  test('follows the mentee’s local time across a daylight-saving change', async () => {
    clock.set(new Date('2026-03-23T08:30:00.000Z'));
    const { mentorship } = testPair(5000 + n - 1);
    const next = await stores.scheduling.scheduleNext(mentorship, { sentSlot: '2026-03-23' });
    expect(next.ok && next.value.value).toMatchObject({ nextSlot: '2026-03-30', nextDueAt: '2026-03-30T07:00:00.000Z' });
  });
});

describe('pause', () => {
  test('skips every check-in due before the date, and the sender sends nothing meanwhile', async ({ connector }) => {
    const paused = await stores.scheduling.pause(mentee, pairId, '2026-03-18');
    expect(paused.ok).toBe(true);
    expect(await schedule()).toMatchObject({ pausedUntil: '2026-03-18', nextSlot: '2026-03-23', nextDueAt: '2026-03-23T08:00:00.000Z' });
    expect(await dueRows(DUE_AT)).toEqual([]);

    clock.set(new Date('2026-03-16T12:00:00.000Z'));
    expect((await senderFor(stores, clock).run()).outcomes.sent).toBe(0);
    clock.set(new Date('2026-03-23T08:30:00.000Z'));
    expect((await senderFor(stores, clock).run()).outcomes.sent).toBe(1);
    expect(connector.delivered()).toHaveLength(1);
  });

  test('is refused for a date that is not ahead or too far ahead, and for someone outside the pair', async () => {
    expect(await stores.scheduling.pause(mentee, pairId, '2026-03-02')).toMatchObject({
      ok: false,
      error: { code: 'invalid', issues: [{ path: 'until' }] },
    });
    expect(await stores.scheduling.pause(mentee, pairId, '2027-03-02')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await stores.scheduling.pause(mentee, pairId, 'next week')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await stores.scheduling.pause(actor('someone-else'), pairId, '2026-03-18')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await stores.scheduling.pause(mentee, 'no-such-pair', '2026-03-18')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await schedule()).toMatchObject({ nextDueAt: DUE_AT });
    expect((await schedule()).pausedUntil).toBeUndefined();
  });
});

describe('resume', () => {
  test('ends a pause: the next check-in is the one the cadence plans from now', async () => {
    await stores.scheduling.pause(mentee, pairId, '2026-04-20');
    const resumed = await stores.scheduling.resume(mentor, pairId);
    expect(resumed.ok).toBe(true);
    expect(await schedule()).toMatchObject({ nextSlot: '2026-03-02', nextDueAt: DUE_AT });
    expect((await schedule()).pausedUntil).toBeUndefined();
    expect((await dueRows(DUE_AT)).map((r) => r.pairId)).toEqual([pairId]);
    expect(await dueRows('2026-04-20T07:00:00.000Z')).toEqual([]);
  });
});

describe('snooze', () => {
  test('moves the next check-in by a day at the same local time; it keeps its slot and goes out then', async () => {
    const snoozed = await stores.scheduling.snooze(mentee, pairId, 'day');
    expect(snoozed.ok).toBe(true);
    expect(await schedule()).toMatchObject({ nextSlot: '2026-03-02', nextDueAt: '2026-03-03T08:00:00.000Z', snoozedFrom: DUE_AT });

    clock.set(new Date('2026-03-02T08:30:00.000Z'));
    expect((await senderFor(stores, clock).run()).outcomes.sent).toBe(0);
    clock.set(new Date('2026-03-03T08:30:00.000Z'));
    expect((await senderFor(stores, clock).run()).outcomes.sent).toBe(1);
    expect((await stores.checkIns.get(pairId, '2026-03-02'))?.value.dueAt).toBe('2026-03-03T08:00:00.000Z');
    expect(await schedule()).toMatchObject({ nextSlot: '2026-03-09', nextDueAt: '2026-03-09T08:00:00.000Z' });
    expect((await schedule()).snoozedFrom).toBeUndefined();
  });

  test('survives a recomputation (an agreement edit) of the same slot', async () => {
    await stores.scheduling.snooze(mentor, pairId, 'day');
    clock.set(new Date('2026-03-02T09:00:00.000Z'));
    await stores.scheduling.scheduleNext(testPair(5000 + n - 1).mentorship);
    expect(await schedule()).toMatchObject({ nextSlot: '2026-03-02', nextDueAt: '2026-03-03T08:00:00.000Z' });
  });

  test('refuses a week on a weekly cadence: it would run into the next check-in', async () => {
    expect(await stores.scheduling.snooze(mentee, pairId, 'week')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await schedule()).toMatchObject({ nextDueAt: DUE_AT });
  });

  test('is for the pair only', async () => {
    expect(await stores.scheduling.snooze(actor('someone-else'), pairId, 'day')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await schedule()).toMatchObject({ nextDueAt: DUE_AT });
  });
});
