// The weekly digest job against Azurite and a recording connector standing in for Teams: posted
// once per program and week (also with two instances racing), only consented wins, consent
// withdrawn in time keeps a win out, a failed post is retried, and a win is shown once.
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { seedDemo } from '../../bot/dev/seedDemo';
import { createDigestJob } from '../../bot/recognition/digestJob';
import { digestIndexTable, digestWeekTable, programChannelTable } from '../../bot/storage/digestTable';
import { journalTable } from '../../bot/storage/journalTable';
import { peopleTable } from '../../bot/storage/peopleTable';
import { planTable } from '../../bot/storage/planTable';
import { programTable } from '../../bot/storage/programTable';
import { ensureTables, openTables, type Tables } from '../../bot/storage/tables';
import { winTable } from '../../bot/storage/winTable';
import type { Actor } from '../../shared/policy';
import { createRecognitionService, type RecognitionService } from '../../shared/recognition/recognitionService';
import { BOT, TEST_TENANT_ID } from '../support/botActivities';
import { expectValidCard } from '../support/cardSchema';
import { localMessenger, silentLog } from '../support/checkIns';
import { serverTest } from '../support/fixtures';
import { newTablePrefix, testConnectionString } from '../support/storage';
import { DEVELOPMENT_TENANT_ID } from '../../shared/person';

const CHANNEL_ID = '19:wins-channel@thread.tacv2';
const WIN_DAY = new Date('2026-11-18T12:00:00Z'); // week of Monday 2026-11-16
const BEFORE_DUE = new Date('2026-11-23T08:59:00Z');
const AFTER_DUE = new Date('2026-11-23T09:30:00Z');
const actor = (id: string): Actor => ({ id, tenantId: DEVELOPMENT_TENANT_ID, timeZone: 'UTC', appRoles: [] });
const alex = actor(demoPeople.menteeAlex.id);
const sam = actor(demoPeople.menteeSam.id);
const mentor = actor(demoPeople.mentor.id);

let tables: Tables;
let recognition: RecognitionService;
const clock = { date: WIN_DAY };
let instances = 0;
const test = serverTest
  /** The digest cards the channel received, as text, in order. */
  .extend(
    'postedDigests',
    ({ connector }) =>
      () =>
        connector
          .delivered()
          .filter((r) => r.conversationId === CHANNEL_ID)
          .map((r) => JSON.stringify(r.body.attachments[0].content)),
  );

const jobFor = (o: { instanceId?: string; leaseMs?: number } = {}) =>
  createDigestJob({
    channels: programChannelTable(tables),
    programs: programTable(tables),
    index: digestIndexTable(tables),
    weeks: digestWeekTable(tables),
    wins: winTable(tables),
    plans: planTable(tables),
    messenger: localMessenger(),
    log: silentLog,
    now: () => clock.date,
    links: { tab: 'https://teams.microsoft.com/l/entity/app/mentoring' },
    instanceId: o.instanceId ?? `instance-${++instances}`,
    leaseMs: o.leaseMs,
  });

async function win(by: Actor, pairId: string, text: string, shareInDigest = false) {
  const result = await recognition.recognizeWin(by, pairId, { text, shareInDigest });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.win;
}

test.beforeEach(async ({ connector }) => {
  clock.date = WIN_DAY;
  // Fresh tables for every test: each week's record starts unclaimed.
  tables = openTables({ connectionString: testConnectionString(), tablePrefix: newTablePrefix() });
  await ensureTables(tables);
  const plans = planTable(tables);
  await seedDemo({ people: peopleTable(tables), programs: programTable(tables), plans }, WIN_DAY);
  recognition = createRecognitionService({
    plans,
    wins: winTable(tables),
    journal: journalTable(tables),
    digest: digestIndexTable(tables),
    now: () => clock.date,
    newId: () => crypto.randomUUID(),
  });
  const saved = await programChannelTable(tables).save(
    {
      programId: DEMO_PROGRAM_ID,
      teamId: '19:team@thread.tacv2',
      channelId: CHANNEL_ID,
      channelName: 'Wins',
      tenantId: TEST_TENANT_ID,
      serviceUrl: connector.serviceUrl,
      reference: {
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        bot: BOT,
        conversation: { id: CHANNEL_ID, conversationType: 'channel', isGroup: true, tenantId: TEST_TENANT_ID },
      },
      setBy: demoPeople.manager.id,
      setAt: WIN_DAY.toISOString(),
    },
    undefined,
  );
  if (!saved.ok) throw new Error(saved.error.message);
});

describe('the weekly digest', () => {
  test('posts the shared wins of the week once, on Monday from 09:00 UTC, and never a win without consent', async ({
    postedDigests,
    connector,
  }) => {
    await win(alex, demoPairIds.alex, 'Presented the outage review at the all-hands', true);
    await win(mentor, demoPairIds.alex, 'Private praise Alex did not share');
    await win(sam, demoPairIds.sam, 'Facilitated the first metrics review', true);
    const job = jobFor();

    clock.date = BEFORE_DUE;
    expect((await job.run()).outcomes).toMatchObject({ sent: 0, empty: 1 });
    expect(postedDigests()).toEqual([]);

    // The run before 09:00 was for the week before: this week's digest still goes out.
    clock.date = AFTER_DUE;
    const report = await job.run();
    expect(report).toMatchObject({ week: '2026-11-16', outcomes: { sent: 1 } });
    const [posted] = postedDigests();
    expect(posted).toContain('Presented the outage review at the all-hands');
    expect(posted).toContain('Facilitated the first metrics review');
    expect(posted).toContain('Alex Chen');
    expect(posted).toContain('Sam Okafor');
    expect(posted).not.toContain('Private praise');
    expectValidCard(connector.delivered()[0]!.body.attachments[0].content);

    // Shown wins carry the week; a later run posts nothing more.
    const alexWins = await winTable(tables).list(demoPairIds.alex);
    expect(Object.fromEntries(alexWins.map((w) => [w.value.text, w.value.digestWeek ?? 'not shown']))).toEqual({
      'Private praise Alex did not share': 'not shown',
      'Presented the outage review at the all-hands': '2026-11-16',
    });
    clock.date = new Date(AFTER_DUE.getTime() + 3_600_000);
    expect((await job.run()).outcomes).toMatchObject({ sent: 0, already_sent: 1 });
    expect(postedDigests()).toHaveLength(1);
  });

  test('is posted once when two instances run at the same moment', async ({ postedDigests }) => {
    await win(alex, demoPairIds.alex, 'Led the payments incident', true);
    clock.date = AFTER_DUE;
    const reports = await Promise.all([jobFor().run(), jobFor().run(), jobFor().run()]);
    expect(reports.reduce((n, r) => n + r.outcomes.sent, 0)).toBe(1);
    expect(postedDigests()).toHaveLength(1);
  });

  test('leaves out a win whose consent was withdrawn before the digest', async ({ postedDigests }) => {
    const kept = await win(alex, demoPairIds.alex, 'Kept in the digest', true);
    const withdrawn = await win(alex, demoPairIds.alex, 'Shared, then withdrawn', true);
    const result = await recognition.setWinConsent(alex, demoPairIds.alex, withdrawn.value.id, withdrawn.etag, { shareInDigest: false });
    expect(result.ok).toBe(true);
    clock.date = AFTER_DUE;
    await jobFor().run();
    const [posted] = postedDigests();
    expect(posted).toContain('Kept in the digest');
    expect(posted).not.toContain('Shared, then withdrawn');
    expect((await winTable(tables).get(demoPairIds.alex, kept.value.id))?.value.digestWeek).toBe('2026-11-16');
  });

  test('takes a late consent into the next week’s digest, and never shows a win twice', async ({ postedDigests }) => {
    const early = await win(alex, demoPairIds.alex, 'Shown in the first digest', true);
    const late = await win(mentor, demoPairIds.alex, 'Shared a week late');
    clock.date = AFTER_DUE;
    await jobFor().run();
    expect(postedDigests()[0]).not.toContain('Shared a week late');

    const consent = await recognition.setWinConsent(alex, demoPairIds.alex, late.value.id, late.etag, { shareInDigest: true });
    expect(consent.ok).toBe(true);
    clock.date = new Date('2026-11-30T09:30:00Z');
    expect(await jobFor().run()).toMatchObject({ week: '2026-11-23', outcomes: { sent: 1 } });
    const second = postedDigests()[1]!;
    expect(second).toContain('Shared a week late');
    expect(second).not.toContain('Shown in the first digest');
    expect((await winTable(tables).get(demoPairIds.alex, early.value.id))?.value.digestWeek).toBe('2026-11-16');
  });

  test('retries a post the connector failed, once its claim expires, and stops for a channel the bot left', async ({
    connector,
    postedDigests,
  }) => {
    await win(alex, demoPairIds.alex, 'Retried until it arrives', true);
    clock.date = AFTER_DUE;
    connector.failWith(() => ({ status: 503 }));
    expect((await jobFor({ leaseMs: 60_000 }).run()).outcomes.retry_later).toBe(1);
    connector.failWith(undefined);
    // Still claimed by the failed run: another instance waits for the lease to expire.
    expect((await jobFor().run()).outcomes.busy).toBe(1);
    clock.date = new Date(AFTER_DUE.getTime() + 61_000);
    expect((await jobFor().run()).outcomes.sent).toBe(1);
    expect(postedDigests()).toHaveLength(1);

    clock.date = new Date('2026-11-25T12:00:00Z');
    await win(alex, demoPairIds.alex, 'Nobody will read this one', true);
    clock.date = new Date('2026-11-30T09:30:00Z');
    connector.failWith(() => ({ status: 403, code: 'BotNotInConversationRoster' }));
    expect((await jobFor().run()).outcomes.undeliverable).toBe(1);
    connector.failWith(undefined);
    expect((await jobFor().run()).outcomes.already_sent).toBe(1);
  });
});
