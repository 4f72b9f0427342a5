// The renewal card through the check-in sending machinery, against Azurite and a recording
// connector: each person of an open pair gets it two weeks before the program's cycle ends, at
// their own local time, once, with two instances racing on the same tables; a cycle that moves
// moves the card; a pair that ended gets none. A program's cards are filed once per cycle for the
// deployment: by the day's catch-up and in the background after its cycle end moves.
import { beforeEach, describe, expect } from 'vitest';
import { demoProgram } from '../../bot/dev/demoData';
import { renewalCardFiling } from '../../bot/renewal/renewalCardFiling';
import { createRenewalNotices, programPairs } from '../../bot/renewal/renewalNotices';
import { checkInDueTable, dueBucket } from '../../bot/storage/checkInDueTable';
import { conversationTable } from '../../bot/storage/conversationTable';
import { planTable } from '../../bot/storage/planTable';
import { listEveryProgram, programTable } from '../../bot/storage/programTable';
import { renewalNoticeTable } from '../../bot/storage/renewalTable';
import { surveyTable } from '../../bot/storage/surveyTable';
import { ensureTables, openTables } from '../../bot/storage/tables';
import { renewalNoticeAt } from '../../shared/renewal/renewalNotice';
import { TEST_TENANT_ID } from '../support/botActivities';
import { expectValidCard } from '../support/cardSchema';
import { fakeClock, localMessenger, silentLog, personalConversationIdOf, storeReachablePair, type FakeClock } from '../support/checkIns';
import { serverTest as test } from '../support/fixtures';
import { newTablePrefix, testConnectionString } from '../support/storage';

// The cycle ends on Tuesday 2026-06-30: the renewal opens on 2026-06-16, at 09:00 in Berlin
// (CEST, 07:00 UTC) for the mentee and 09:00 in London (BST, 08:00 UTC) for the mentor.
const CYCLE_END = '2026-06-30';
const MENTEE_AT = '2026-06-16T07:00:00.000Z';
const MENTOR_AT = '2026-06-16T08:00:00.000Z';

async function openStores(serviceUrl: string, clock: FakeClock) {
  const tables = openTables({ connectionString: testConnectionString(), tablePrefix: newTablePrefix() });
  await ensureTables(tables);
  const stores = {
    tables,
    plans: planTable(tables),
    programs: programTable(tables),
    conversations: conversationTable(tables),
    notices: renewalNoticeTable(tables),
    surveys: surveyTable(tables),
    due: checkInDueTable({ checkInsDue: tables.renewalsDue }),
  };
  const { mentorship } = await storeReachablePair(stores, 1, serviceUrl, clock.date, { startDate: '2026-01-05' });
  const program = { ...demoProgram('2026-01-05'), id: mentorship.programId, cycleStart: '2026-01-01', cycleEnd: CYCLE_END };
  await stores.programs.save(program);
  const instance = (instanceId: string) =>
    createRenewalNotices({
      ...stores,
      messenger: localMessenger(),
      links: { tab: 'https://teams.microsoft.com/l/entity/app/mentoring' },
      log: silentLog,
      clock,
      random: () => 0.5,
      instanceId,
      // Every run reads the hours since the last one: a first run looks back a little only.
      options: { firstRunLookbackHours: 2 },
    });
  return { stores, mentorship, program, instance };
}

let clock: FakeClock;
beforeEach(() => {
  clock = fakeClock(new Date('2026-06-01T00:00:00.000Z'));
});

describe('the renewal card', () => {
  test('reaches each person two weeks before the cycle ends at their local time, once, with two instances racing', async ({
    connector,
  }) => {
    const { stores, mentorship, instance } = await openStores(connector.serviceUrl, clock);
    expect(renewalNoticeAt(CYCLE_END, mentorship.agreement.mentee)).toBe(MENTEE_AT);
    expect(renewalNoticeAt(CYCLE_END, mentorship.agreement.mentor)).toBe(MENTOR_AT);
    const a = instance('instance-a');
    const b = instance('instance-b');
    await Promise.all([a.schedule(mentorship), b.schedule(mentorship)]); // filing twice is harmless

    clock.set(new Date('2026-06-16T06:59:00.000Z'));
    await Promise.all([a.run(), b.run()]);
    expect(connector.delivered()).toHaveLength(0);

    clock.set(new Date('2026-06-16T07:30:00.000Z'));
    const [ra, rb] = await Promise.all([a.run(), b.run()]);
    expect(ra.outcomes.sent + rb.outcomes.sent).toBe(1);
    expect(connector.delivered().map((r) => r.conversationId)).toEqual([personalConversationIdOf(mentorship.menteeId)]);

    clock.set(new Date('2026-06-16T08:30:00.000Z'));
    await Promise.all([a.run(), b.run()]);
    clock.advance(3_600_000);
    await Promise.all([a.run(), b.run()]);
    expect(connector.delivered().map((r) => r.conversationId)).toEqual([
      personalConversationIdOf(mentorship.menteeId),
      personalConversationIdOf(mentorship.mentorId),
    ]);

    // The card: the date, the Renewal place of the plan, and the program survey to answer on it.
    const card = connector.delivered()[0]!.body.attachments[0].content;
    expectValidCard(card);
    const text = JSON.stringify(card);
    expect(text).toContain(CYCLE_END);
    expect(text).toContain(encodeURIComponent(JSON.stringify({ subEntityId: `plans/${mentorship.id}/renewal` })));
    expect(text).toContain('"verb":"renewal.survey"');
    expect(text).toContain('"id":"rating.worth-time"');

    // Recorded once each; scheduling again (the pair changed) files nothing, and nothing more goes out.
    expect(await stores.notices.get(mentorship.id, CYCLE_END, 'mentee')).toMatchObject({ tenantId: TEST_TENANT_ID, role: 'mentee' });
    expect(await stores.notices.get(mentorship.id, CYCLE_END, 'mentor')).toBeDefined();
    await a.schedule(mentorship);
    clock.advance(3_600_000);
    const [later1, later2] = await Promise.all([a.run(), b.run()]);
    expect(later1.due + later2.due).toBe(0);
    expect(connector.delivered()).toHaveLength(2);
  });

  test('follows the cycle when its end moves, is filed for now when the end is near, and skips an ended pair', async ({ connector }) => {
    clock.set(new Date('2026-06-16T06:00:00.000Z'));
    const { stores, mentorship, program, instance } = await openStores(connector.serviceUrl, clock);
    const sender = instance('only');
    await sender.schedule(mentorship);

    // The program moves its cycle end by a day: the rows of the old date are dropped and the new ones filed.
    const moved = '2026-07-01';
    await stores.programs.save({ ...program, cycleEnd: moved });
    clock.set(new Date('2026-06-16T09:00:00.000Z'));
    expect((await sender.run()).outcomes).toMatchObject({ sent: 0, stale: 2 });
    const next = renewalNoticeAt(moved, mentorship.agreement.mentee);
    expect(next).toBe('2026-06-17T07:00:00.000Z');
    expect((await stores.due.listDue(dueBucket(next), new Date(next))).map((r) => r.slot)).toEqual([moved]);
    clock.set(new Date('2026-06-17T09:00:00.000Z'));
    expect((await sender.run()).outcomes.sent).toBe(2);

    // A new cycle whose end is set ten days ahead: its renewal is open already, so the cards go out at once.
    await stores.programs.save({ ...program, cycleEnd: '2026-06-27' });
    await sender.schedule(mentorship);
    expect((await sender.run()).outcomes.sent).toBe(2);
    expect(connector.delivered()).toHaveLength(4);

    // An ended pair gets nothing, and a row filed before it ended is dropped.
    await stores.programs.save({ ...program, cycleEnd: '2026-06-28' });
    await sender.schedule(mentorship);
    const pair = (await stores.plans.loadPair(mentorship.id))!;
    const ended = await stores.plans.updateMentorship(
      { ...mentorship, status: 'ended', endedAt: clock.date.toISOString() },
      pair.mentorship.etag,
    );
    expect(ended.ok).toBe(true);
    clock.advance(60_000);
    expect((await sender.run()).outcomes).toMatchObject({ sent: 0, stale: 2 });
    expect(connector.delivered()).toHaveLength(4);
  });

  test('are filed for every program cycle never filed, by one of two instances, once a day, and not again for a cycle filed', async ({
    connector,
  }) => {
    const { stores, mentorship, program, instance } = await openStores(connector.serviceUrl, clock);
    const filed: string[] = [];
    const filingOf = (instanceId: string) =>
      renewalCardFiling({
        tables: stores.tables,
        everyProgram: () => listEveryProgram(stores.tables),
        pairsOfProgram: programPairs(stores.plans),
        schedule: async (pair) => {
          filed.push(pair.id);
          await instance(instanceId).schedule(pair);
        },
        log: silentLog,
        now: () => clock.date,
        instanceId,
      });
    const a = filingOf('instance-a');
    const b = filingOf('instance-b');
    const [ra, rb] = await Promise.all([a.catchUp(), b.catchUp()]);
    expect([ra.outcome, rb.outcome].sort()).toEqual(['busy', 'checked']);
    expect(ra.filed + rb.filed).toBe(1);
    expect(filed).toEqual([mentorship.id]);
    expect(await filingOf('instance-c').catchUp()).toEqual({ outcome: 'already_done', filed: 0 });

    // The next day's catch-up finds the cycle filed: nothing is filed twice.
    clock.advance(86_400_000);
    expect(await a.catchUp()).toEqual({ outcome: 'checked', filed: 0 });
    expect(filed).toEqual([mentorship.id]);

    // A moved cycle end is filed in the background, once however many tell it.
    const moved = { ...program, cycleEnd: '2026-07-01' };
    await stores.programs.save(moved);
    a.cycleEndChanged(moved);
    b.cycleEndChanged(moved);
    await Promise.all([a.settled(), b.settled()]);
    expect(filed).toEqual([mentorship.id, mentorship.id]);
    expect(await a.fileCycle(moved)).toBe('already_done');

    clock.set(new Date(renewalNoticeAt('2026-07-01', mentorship.agreement.mentee)));
    expect((await instance('instance-a').run()).outcomes.sent).toBe(1);
  });

  test('of a program are filed by another instance once a filing left midway has run out of lease', async ({ connector }) => {
    const { stores, mentorship, program, instance } = await openStores(connector.serviceUrl, clock);
    const broken = renewalCardFiling({
      tables: stores.tables,
      everyProgram: () => listEveryProgram(stores.tables),
      pairsOfProgram: programPairs(stores.plans),
      schedule: () => Promise.reject(new Error('the instance stopped')),
      log: silentLog,
      now: () => clock.date,
      instanceId: 'stopped',
      leaseMs: 60_000,
    });
    await expect(broken.catchUp()).rejects.toThrow('the instance stopped');
    const filed: string[] = [];
    const next = renewalCardFiling({
      tables: stores.tables,
      everyProgram: () => listEveryProgram(stores.tables),
      pairsOfProgram: programPairs(stores.plans),
      schedule: async (pair) => {
        filed.push(pair.id);
        await instance('next').schedule(pair);
      },
      log: silentLog,
      now: () => clock.date,
      instanceId: 'next',
      leaseMs: 60_000,
    });
    // While the lease holds, the day and the cycle are someone else's.
    expect(await next.catchUp()).toEqual({ outcome: 'busy', filed: 0 });
    expect(await next.fileCycle(program)).toBe('busy');
    clock.advance(61_000);
    expect(await next.catchUp()).toEqual({ outcome: 'checked', filed: 1 });
    expect(filed).toEqual([mentorship.id]);
  });
});
