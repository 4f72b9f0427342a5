// Checkpoint reminders through the check-in sending machinery, against Azurite and a recording
// connector: each person is reminded a week ahead at their own local time (across a change to
// summer time), once, with two instances racing on the same tables; then the next one is filed.
import { beforeEach, describe, expect } from 'vitest';
import { createCheckpointReminders } from '../../bot/checkpoints/reminderSender';
import { alexStartDate, demoPairIds, demoProgram } from '../../bot/dev/demoData';
import { seedDemo } from '../../bot/dev/seedDemo';
import { peopleTable } from '../../bot/storage/peopleTable';
import { checkpointPeriod, emptyCheckpoint } from '../../shared/checkpoints/checkpoint';
import { todayIn } from '../../shared/dates';
import { checkInDueTable, dueBucket } from '../../bot/storage/checkInDueTable';
import { checkpointReminderTable, checkpointTable } from '../../bot/storage/checkpointTable';
import { conversationTable } from '../../bot/storage/conversationTable';
import { planTable } from '../../bot/storage/planTable';
import { programTable } from '../../bot/storage/programTable';
import { ensureTables, openTables } from '../../bot/storage/tables';
import { checkpointReminderAt } from '../../shared/checkpoints/checkpointReminders';
import { TEST_TENANT_ID } from '../support/botActivities';
import { fakeClock, localMessenger, silentLog, personalConversationIdOf, storeReachablePair, type FakeClock } from '../support/checkIns';
import { serverTest as test } from '../support/fixtures';
import { newTablePrefix, testConnectionString } from '../support/storage';

// The pair starts 2026-01-05; quarterly checkpoints: the first is due 2026-04-05, reminded on
// Sunday 2026-03-29, the day Europe switches to summer time: 09:00 in Berlin (CEST) is 07:00 UTC,
// 09:00 in London (BST) is 08:00 UTC.
const MENTEE_AT = '2026-03-29T07:00:00.000Z';
const MENTOR_AT = '2026-03-29T08:00:00.000Z';

async function openStores(serviceUrl: string, clock: FakeClock) {
  const tables = openTables({ connectionString: testConnectionString(), tablePrefix: newTablePrefix() });
  await ensureTables(tables);
  const stores = {
    tablesForSeed: tables,
    plans: planTable(tables),
    programs: programTable(tables),
    conversations: conversationTable(tables),
    checkpoints: checkpointTable(tables),
    reminders: checkpointReminderTable(tables),
    due: checkInDueTable({ checkInsDue: tables.checkpointsDue }),
  };
  const { mentorship } = await storeReachablePair(stores, 1, serviceUrl, clock.date, { startDate: '2026-01-05' });
  await stores.programs.save({ ...demoProgram('2026-01-05'), id: mentorship.programId, checkpointIntervalMonths: 3 });
  const instance = (instanceId: string) =>
    createCheckpointReminders({
      ...stores,
      messenger: localMessenger(),
      links: { tab: 'https://teams.microsoft.com/l/entity/app/mentoring' },
      log: silentLog,
      clock,
      random: () => 0.5,
      instanceId,
    });
  return { stores, mentorship, instance };
}

let clock: FakeClock;
beforeEach(() => {
  clock = fakeClock(new Date('2026-03-01T00:00:00.000Z'));
});

describe('checkpoint reminders', () => {
  test('reach each person a week ahead at their local time, once, with two instances racing', async ({ connector }) => {
    const { stores, mentorship, instance } = await openStores(connector.serviceUrl, clock);
    expect(checkpointReminderAt('2026-04-05', mentorship.agreement.mentee)).toBe(MENTEE_AT);
    expect(checkpointReminderAt('2026-04-05', mentorship.agreement.mentor)).toBe(MENTOR_AT);
    const a = instance('instance-a');
    const b = instance('instance-b');
    await a.schedule(mentorship);
    await b.schedule(mentorship); // filing twice is harmless

    clock.set(new Date('2026-03-29T06:59:00.000Z'));
    await Promise.all([a.run(), b.run()]);
    expect(connector.delivered()).toHaveLength(0);

    clock.set(new Date('2026-03-29T07:30:00.000Z'));
    const [ra, rb] = await Promise.all([a.run(), b.run()]);
    expect(ra.outcomes.sent + rb.outcomes.sent).toBe(1);
    expect(connector.delivered().map((r) => r.conversationId)).toEqual([personalConversationIdOf(mentorship.menteeId)]);

    clock.set(new Date('2026-03-29T08:30:00.000Z'));
    await Promise.all([a.run(), b.run()]);
    clock.advance(3_600_000);
    await Promise.all([a.run(), b.run()]);
    expect(connector.delivered().map((r) => r.conversationId)).toEqual([
      personalConversationIdOf(mentorship.menteeId),
      personalConversationIdOf(mentorship.mentorId),
    ]);

    const card = connector.delivered()[0]!.body.attachments[0].content;
    expect(JSON.stringify(card)).toContain('2026-04-05');
    const urls = card.actions.map((x: { url: string }) => x.url);
    expect(urls[0]).toContain(encodeURIComponent(JSON.stringify({ subEntityId: `plans/${mentorship.id}/checkpoints` })));
    expect(urls).toContainEqual(expect.stringMatching(/^https:\/\/teams\.microsoft\.com\/l\/meeting\/new\?subject=Checkpoint%20review/));

    // Both are recorded, and the next checkpoint's reminders (2026-07-05, a week ahead) are filed.
    expect(await stores.reminders.get(mentorship.id, '2026-04-05', 'mentee')).toMatchObject({ tenantId: TEST_TENANT_ID });
    expect(await stores.reminders.get(mentorship.id, '2026-04-05', 'mentor')).toBeDefined();
    const next = checkpointReminderAt('2026-07-05', mentorship.agreement.mentee);
    expect((await stores.due.listDue(dueBucket(next), new Date(next))).map((r) => r.slot)).toEqual(['2026-07-05']);
  });

  test('are not sent for a checkpoint signed off already, nor twice when scheduled again', async ({ connector }) => {
    const { stores, mentorship, instance } = await openStores(connector.serviceUrl, clock);
    const sender = instance('only');
    await sender.schedule(mentorship);
    clock.set(new Date('2026-03-29T07:30:00.000Z'));
    expect((await sender.run()).outcomes.sent).toBe(1);
    // Scheduling again (the pair changed) does not file the sent reminder again.
    await sender.schedule(mentorship);
    clock.set(new Date('2026-03-29T07:45:00.000Z'));
    expect((await sender.run()).outcomes.sent).toBe(0);

    const period = { number: 1, dueDate: '2026-04-05', from: '2026-01-05', to: '2026-04-05' };
    const draft = await stores.checkpoints.create({
      ...emptyCheckpoint({ tenantId: TEST_TENANT_ID, pairId: mentorship.id, period }, clock.date.toISOString(), mentorship.menteeId),
      status: 'signed_off',
    });
    expect(draft.ok).toBe(true);
    clock.set(new Date('2026-03-29T08:30:00.000Z'));
    expect((await sender.run()).outcomes).toMatchObject({ sent: 0, stale: 1 });
    expect(connector.delivered()).toHaveLength(1);
  });

  test('are filed for the demo pairs when the demo is seeded', async ({ connector }) => {
    const { stores, instance } = await openStores(connector.serviceUrl, clock);
    // The demo is dated from the reminders' clock.
    const now = clock.date;
    const tables = { people: peopleTable(stores.tablesForSeed), programs: stores.programs, plans: stores.plans };
    await seedDemo({ ...tables, checkpoints: stores.checkpoints, scheduleCheckpointReminders: instance('seed').schedule }, now);
    // Alex's fourth checkpoint is the next one: each person's reminder is filed a week ahead of it.
    const dueDate = checkpointPeriod(alexStartDate(todayIn('UTC', now)), 3, 4).dueDate;
    const alex = (await stores.plans.load(demoPairIds.alex))!.mentorship.value;
    for (const role of ['mentor', 'mentee'] as const) {
      const at = checkpointReminderAt(dueDate, alex.agreement[role]);
      const rows = await stores.due.listDue(dueBucket(at), new Date(at));
      expect(rows.filter((r) => r.pairId === `${demoPairIds.alex}|${role}`).map((r) => r.slot)).toEqual([dueDate]);
    }
    expect((await stores.checkpoints.list(demoPairIds.alex)).map((c) => c.value.status)).toEqual([
      'signed_off',
      'signed_off',
      'signed_off',
    ]);
  });
});
