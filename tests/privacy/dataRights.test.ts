// Each person's data in their own hands (capability 14), through the real server and Azurite:
// the export holds every row about the person, in every table of the app's table list; erasure
// leaves no row naming them, keeps everyone else's data, keeps anonymous feedback counted, ends the
// open pair for the other person (who is told) and is refused without its confirmation.
import type { TableClient } from '@azure/data-tables';
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { pairEndedText } from '../../bot/cards/pairEndedCard';
import { journalRow } from '../../bot/storage/journalTable';
import { programHealthTable } from '../../bot/storage/programHealthTable';
import { tableNames, type TableName } from '../../bot/storage/tables';
import { paths, pathFor } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { sliceKey } from '../../shared/health/pairHealth';
import type { DataExport } from '../../shared/privacy/dataRights';
import { serverTest } from '../support/fixtures';
import { storageSnapshot } from '../support/storageSnapshot';
import type { TestServer } from '../support/testServer';
import { tablesOf } from '../support/testServer';

const test = serverTest;
const alex = demoPeople.menteeAlex;
const alexUser = { id: '29:alex-chen-teams', aadObjectId: alex.id, name: alex.displayName };
const priyaUser = { id: '29:priya-raman-teams', aadObjectId: demoPeople.mentor.id, name: demoPeople.mentor.displayName };

interface RawRow {
  table: string;
  partitionKey: string;
  rowKey: string;
  /** Every stored property but the bookkeeping ones (ETag, timestamp). */
  text: string;
}

async function rawRows(server: TestServer): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for (const [key, client] of Object.entries(tablesOf(server)) as [TableName, TableClient][]) {
    for await (const entity of client.listEntities<Record<string, unknown>>()) {
      const { etag: _e, timestamp: _t, ...rest } = entity as Record<string, unknown>;
      out.push({
        table: tableNames[key],
        partitionKey: entity.partitionKey ?? '',
        rowKey: entity.rowKey ?? '',
        text: JSON.stringify(rest),
      });
    }
  }
  return out;
}

/** Naming a person, checked independently of the app's own matcher: id, email or name anywhere, any case. */
const names = (row: RawRow, person: { id: string; displayName: string; email?: string }) => {
  const text = `${row.partitionKey} ${row.rowKey} ${row.text}`.toLowerCase();
  return [person.id, person.displayName, person.email ?? person.id].some((s) => text.includes(s.toLowerCase()));
};

const addressOf = (row: Pick<RawRow, 'partitionKey' | 'rowKey'>) => `${row.partitionKey} / ${row.rowKey}`;

const inAWeek = () => addDays(todayIn('UTC', new Date()), 7);
const samPair = demoPairIds.sam;
let anonymousRequestId = '';

/**
 * Rows about Alex in every table: what the app writes as people use it (installs, a win, answers to
 * an anonymous request of another pair), then, for each table of the app's list that still holds no
 * row naming Alex, a row of a kind the app does not know yet, so a table or a row kind the export
 * leaves out fails the test. And a new kind of row in Alex's pair.
 */
test.beforeAll(async ({ server, bot, alex: asAlex, priya, sam, jordan }) => {
  expect((await bot.install(alexUser)).status).toBeLessThan(300);
  expect((await bot.install(priyaUser)).status).toBeLessThan(300);
  expect((await asAlex().post(pathFor(paths.wins, { pairId: demoPairIds.alex }), { text: 'Ran my first incident review' })).status).toBe(
    201,
  );
  const praise = await priya().post(pathFor(paths.wins, { pairId: demoPairIds.alex }), {
    text: `${alex.displayName} led the incident review`,
  });
  expect(praise.status).toBe(201);

  const created = await sam().post(pathFor(paths.feedbackRequests, { pairId: samPair }), {
    goalId: 'sam-stakeholders',
    behaviors: ['Listens first'],
    respondents: [
      { personId: alex.id, displayName: alex.displayName, relation: 'peer' },
      { personId: demoPeople.manager.id, displayName: demoPeople.manager.displayName, relation: 'supervisor' },
      { personId: demoPeople.mentor.id, displayName: demoPeople.mentor.displayName, relation: 'peer' },
    ],
    closesOn: inAWeek(),
    anonymous: true,
  });
  expect(created.status).toBe(201);
  anonymousRequestId = created.body.request.value.id as string;
  const answer = (n: number) => ({ ratings: { 'Listens first': n }, example: `Example ${n}.`, suggestion: `Suggestion ${n}.` });
  const answerPath = pathFor(paths.myFeedbackAnswer, { pairId: samPair, requestId: anonymousRequestId });
  for (const [client, n] of [
    [asAlex, 4],
    [jordan, 5],
    [priya, 3],
  ] as const)
    expect((await client().put(answerPath, answer(n), '')).status).toBe(200);

  // Alex's answer to the program survey: it names nobody, and is his to download through the marker that he answered.
  const surveyAnswer = {
    ratings: { 'worth-time': 5, 'goals-moved': 4, recommend: 5 },
    texts: { change: 'Longer check-in windows.' },
  };
  expect((await asAlex().put(pathFor(paths.surveyAnswers, { programId: DEMO_PROGRAM_ID }), surveyAnswer, '')).status).toBe(200);

  // Priya's private note about Alex: it names Alex, but it is Priya's alone.
  await tablesOf(server).plans.createEntity(
    journalRow({
      id: 'priya-private-note',
      pairId: demoPairIds.alex,
      kind: 'feedback',
      at: new Date().toISOString(),
      authorId: demoPeople.mentor.id,
      visibility: 'private',
      menteeConsented: false,
      summary: `Prepare a stretch assignment for ${alex.displayName}`,
    }),
  );

  const tables = tablesOf(server);
  const rows = await rawRows(server);
  for (const key of Object.keys(tableNames) as TableName[]) {
    if (rows.some((r) => r.table === tableNames[key] && names(r, alex))) continue;
    await tables[key].createEntity({ partitionKey: 'privacy-probe', rowKey: key, note: `Mentions ${alex.displayName}` });
  }
  await tables.plans.createEntity({
    partitionKey: demoPairIds.alex,
    rowKey: 'newkind|1',
    data: JSON.stringify({ what: 'a kind of row the export has no section for', contact: alex.email }),
  });
});

describe('Download my data', () => {
  test('is one JSON download with every row that names the person, in every table, shown or listed as withheld', async ({
    server,
    alex: asAlex,
  }) => {
    const res = await fetch(`${server.baseUrl}${paths.myDataExport}`, { headers: { 'X-Dev-User': alex.id } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?mentoring-my-data\.json"?$/);
    const exported = (await res.json()) as DataExport;
    expect(exported.exportedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(exported.person).toMatchObject({ id: alex.id, displayName: alex.displayName, email: alex.email });

    const shown = new Set(Object.values(exported.sections).flatMap((records) => records.map((r) => `${r.storedIn}\n${r.key}`)));
    const aboutAlex = (await rawRows(server)).filter((r) => names(r, alex));
    const tablesCovered = new Set(aboutAlex.map((r) => r.table));
    expect([...tablesCovered].sort()).toEqual(Object.values(tableNames).sort());
    // Each row naming Alex, and each row of his pair (another person's private note need not name
    // him), is shown, or counted among the withheld records of its table (which name no key: an
    // anonymous answer's key would name its respondent).
    const inHisPair = (r: (typeof aboutAlex)[number]) => r.table === tableNames.plans && r.partitionKey === demoPairIds.alex;
    const considered = (await rawRows(server)).filter((r) => names(r, alex) || inHisPair(r));
    const notShown = considered.filter((r) => !shown.has(`${r.table}\n${addressOf(r)}`));
    const countBy = (tables: string[]) => tables.reduce<Record<string, number>>((n, t) => ({ ...n, [t]: (n[t] ?? 0) + 1 }), {});
    expect(countBy(notShown.map((r) => r.table))).toEqual(countBy(exported.withheld.map((w) => w.storedIn)));
    expect(exported.withheld).toContainEqual(expect.objectContaining({ storedIn: tableNames.plans, section: 'journal' }));
    expect(JSON.stringify(exported)).not.toContain('stretch assignment');
    expect(exported.withheld.every((w) => !JSON.stringify(w).includes('|'))).toBe(true);

    // Named sections a person can read: their profile, their pair and its plan, their own answer.
    expect(exported.sections.profile?.[0]).toMatchObject({ displayName: alex.displayName, email: alex.email });
    expect(exported.sections.pairs?.[0]).toMatchObject({ mentorship: { id: demoPairIds.alex, menteeId: alex.id } });
    for (const section of ['goals', 'goalHistory', 'milestones', 'activities', 'wins', 'journal', 'conversationReferences', 'newkind'])
      expect(exported.sections[section]?.length, section).toBeGreaterThan(0);
    expect(exported.sections.feedbackAnswers).toEqual([expect.objectContaining({ respondentId: alex.id, example: 'Example 4.' })]);
    // His survey answer, though it names nobody, and the marker that he answered.
    expect(exported.sections.surveyAnswers).toContainEqual(
      expect.objectContaining({
        ratings: { 'worth-time': 5, 'goals-moved': 4, recommend: 5 },
        texts: { change: 'Longer check-in windows.' },
      }),
    );
    expect(exported.sections.surveysYouAnswered).toEqual([expect.objectContaining({ personId: alex.id })]);
    // Of another pair's request, only what Alex was asked: not who else was.
    const asked = exported.sections.feedbackRequests?.find((r) => r.id === anonymousRequestId);
    expect(asked?.respondents).toEqual([expect.objectContaining({ personId: alex.id })]);

    // The same through the tab's client.
    expect((await asAlex().get(paths.myDataExport)).status).toBe(200);
  });
});

describe('Delete my data', () => {
  test('is refused without the confirmation, and nothing changes', async ({ server, alex: asAlex }) => {
    const before = await storageSnapshot(server);
    for (const path of [paths.me, `${paths.me}?confirm=false`, `${paths.me}?confirm=yes`]) {
      const res = await asAlex().delete(path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe('invalid');
    }
    expect(await storageSnapshot(server)).toBe(before);
  });

  test('leaves no row naming the person, keeps everyone else’s data, and ends the pair for the other person', async ({
    server,
    connector,
    alex: asAlex,
    priya,
    sam,
  }) => {
    const resultsPath = pathFor(paths.feedbackResults, { pairId: samPair, requestId: anonymousRequestId });
    const resultsBefore = (await sam().get(resultsPath)).body;
    expect(resultsBefore).toMatchObject({ visibility: 'shown', responseCount: 3 });
    const health = programHealthTable(tablesOf(server));
    const healthBefore = await health.read(DEMO_PROGRAM_ID, sliceKey({ kind: 'all' }));
    expect((await health.get(DEMO_PROGRAM_ID, demoPairIds.alex))?.row.signals.status).toBe('active');
    const rowsBefore = await rawRows(server);
    connector.clear();

    const erased = await asAlex().delete(`${paths.me}?confirm=true`);
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ endedPairs: 1 });
    expect(erased.body.deletedRows).toBeGreaterThan(0);
    expect(erased.body.rewrittenRows).toBeGreaterThan(0);

    // The program's health counts the pair as ended: one active pair fewer, the same pairs.
    await server.app.settled();
    expect((await health.get(DEMO_PROGRAM_ID, demoPairIds.alex))?.row.signals.status).toBe('ended');
    const healthAfter = await health.read(DEMO_PROGRAM_ID, sliceKey({ kind: 'all' }));
    expect(healthAfter.totals?.pairs).toBe(healthBefore.totals?.pairs);
    expect(healthAfter.totals?.activePairs).toBe(healthBefore.totals!.activePairs - 1);

    const rowsAfter = await rawRows(server);
    const stillNaming = rowsAfter.filter((r) => names(r, alex)).map((r) => `${r.table} ${addressOf(r)}: ${r.text.slice(0, 200)}`);
    expect(stillNaming).toEqual([]);

    // Every row that did not name Alex is exactly as it was, but for the wins Alex had agreed to show
    // in the weekly digest (that consent was Alex's, and goes) and the program's health figures, which
    // follow the pair's end (above).
    const after = new Map(rowsAfter.map((r) => [`${r.table}\n${addressOf(r)}`, r.text]));
    const consented = (r: RawRow) => r.table === tableNames.plans && r.rowKey.startsWith('win|') && r.text.includes('"shareInDigest":true');
    for (const row of rowsBefore.filter((r) => !names(r, alex) && r.table !== tableNames.programHealth)) {
      const now = after.get(`${row.table}\n${addressOf(row)}`);
      if (!consented(row)) expect(now, addressOf(row)).toBe(row.text);
      else expect(now?.replace(/(\\?"shareInDigest\\?":)false/g, '$1true'), addressOf(row)).toBe(row.text);
    }
    expect(rowsBefore.filter((r) => !names(r, alex)).some(consented)).toBe(true);

    // Priya's own note stays hers, and no longer names Alex.
    const note = rowsAfter.find((r) => r.rowKey.endsWith('|priya-private-note'));
    expect(note?.text).toContain('Prepare a stretch assignment for Former participant');

    // Anonymous feedback stays anonymous and counted.
    const resultsAfter = (await sam().get(resultsPath)).body;
    expect(resultsAfter).toMatchObject({ visibility: 'shown', responseCount: 3 });
    expect(resultsAfter.behaviors).toEqual(resultsBefore.behaviors);

    // The pair is ended for Priya, who keeps a read-only plan that names a former participant.
    const plan = await priya().get(pathFor(paths.plan, { pairId: demoPairIds.alex }));
    expect(plan.status).toBe(200);
    expect(plan.body.pair.value.status).toBe('ended');
    expect(plan.body.mentee.displayName).toBe('Former participant');
    expect(plan.body.goals.length).toBeGreaterThan(0);
    const told = connector.messages().filter((m) => JSON.stringify(m).includes(pairEndedText.title));
    expect(told).toHaveLength(1);
    expect(JSON.stringify(told[0])).not.toContain(alex.displayName);
    expect(told[0].conversation.id).toContain('priyaramanteams');

    // Priya's own data is hers still; Sam's pair is untouched but for what named Alex.
    expect((await priya().get(paths.me)).status).toBe(200);
    expect((await sam().get(pathFor(paths.plan, { pairId: samPair }))).body.pair.value.status).not.toBe('ended');
  });

  test('the bot never messages the erased person again: their conversation reference is gone', async ({ server }) => {
    const conversations = server.app.repositories.conversations;
    expect(await conversations.get(alex.id)).toBeUndefined();
    expect(await conversations.get(demoPeople.mentor.id)).toBeDefined();
  });
});

describe('Delete my data, signed in with Teams SSO', () => {
  test('a second delete is harmless: it answers 200 and changes nothing', async ({ entra, startServer }) => {
    const sso = await startServer({ env: entra.env });
    const token = await entra.mint({ oid: demoPeople.menteeSam.id });
    const erase = () =>
      fetch(`${sso.baseUrl}${paths.me}?confirm=true`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } }).then(
        async (res) => ({ status: res.status, body: await res.json() }),
      );
    const first = await erase();
    expect(first.status).toBe(200);
    expect(first.body.deletedRows).toBeGreaterThan(0);
    const sam = { ...demoPeople.menteeSam, email: demoPeople.menteeSam.email ?? demoPeople.menteeSam.id };
    expect((await rawRows(sso)).filter((r) => names(r, sam))).toEqual([]);
    const afterFirst = await storageSnapshot(sso);

    const second = await erase();
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ rewrittenRows: 0, endedPairs: 0 });
    expect(await storageSnapshot(sso)).toBe(afterFirst);
    expect((await rawRows(sso)).filter((r) => names(r, sam))).toEqual([]);
  });
});
