// Table queries are built only with the SDK's `odata` tag (lint enforces it in bot/), and keys pass
// through encodeKey. Hostile text, stored as values and as keys, must match exactly its own rows.
import { odata, TableClient } from '@azure/data-tables';
import { describe, expect } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { decodeKey, encodeKey } from '../../bot/storage/tables';
import { paths, pathFor, type GoalHistoryView, type PlanView } from '../../shared/api';
import { serverTest } from '../support/fixtures';
import { tablesOf } from '../support/testServer';

const hostile = [
  "' or 1 eq 1",
  "x' or PartitionKey ne '",
  "x') or (RowKey ne 'x",
  "'",
  "''",
  `quote " and ' and \``,
  '/ \\ # ?',
  '%2F already encoded',
  'line\nbreak\ttab',
];

const test = serverTest;
let probe: TableClient;

test.beforeAll(async ({ server }) => {
  probe = TableClient.fromConnectionString(server.connectionString, `${server.tablePrefix}ODataProbe`, { allowInsecureConnection: true });
  await probe.createTable();
  await probe.createEntity({ partitionKey: 'victim', rowKey: 'secret', title: 'someone else’s row' });
  for (const [i, text] of hostile.entries()) {
    await probe.createEntity({ partitionKey: encodeKey(text), rowKey: `row${i}`, title: text });
  }
});

async function rows(filter: string): Promise<{ partitionKey: string; rowKey: string; title: string }[]> {
  const out = [];
  for await (const row of probe.listEntities<{ title: string }>({ queryOptions: { filter } }))
    out.push({ partitionKey: row.partitionKey!, rowKey: row.rowKey!, title: row.title });
  return out;
}

describe('odata filters against Azurite', () => {
  test.each(hostile)('match exactly the row keyed by %j', async (text) => {
    const found = await rows(odata`PartitionKey eq ${encodeKey(text)}`);
    expect(found.map((r) => r.title)).toEqual([text]);
    expect(decodeKey(found[0]!.partitionKey)).toBe(text);
  });

  test.each(hostile)('match exactly the row whose value is %j', async (text) => {
    expect((await rows(odata`title eq ${text}`)).map((r) => r.title)).toEqual([text]);
  });

  test('would return every row if the same text were pasted into the filter', async () => {
    // What the odata tag prevents: the injection works on a filter built by hand.
    const pasted = `PartitionKey eq '${encodeKey("x' or PartitionKey ne '")}'`;
    expect((await rows(pasted)).length).toBe(hostile.length + 1);
  });
});

describe('repositories given hostile ids', () => {
  test('find no one else’s pairs, plan, history or profile', async ({ server }) => {
    const { plans, people } = server.app.repositories;
    const tables = tablesOf(server);
    // Index rows as createPair writes them (createPair itself refuses such ids by schema).
    for (const [i, text] of hostile.entries())
      await tables.pairIndex.upsertEntity({ partitionKey: encodeKey(text), rowKey: `hostile-pair-${i}`, role: 'mentee' });

    for (const [i, text] of hostile.entries()) {
      expect(await plans.pairsOf(text)).toEqual([{ pairId: `hostile-pair-${i}`, role: 'mentee' }]);
      expect(await plans.load(text)).toBeUndefined();
      expect(await plans.goalHistory(demoPairIds.alex, text)).toEqual([]);
      expect(await people.get(text)).toBeUndefined();
    }
    // The same calls with real ids do find rows, so the empty answers above mean something.
    expect(await plans.pairsOf(demoPeople.menteeAlex.id)).toEqual([{ pairId: demoPairIds.alex, role: 'mentee' }]);
    expect(await plans.load(demoPairIds.alex)).toBeDefined();
    expect(await plans.goalHistory(demoPairIds.alex, 'alex-oncall')).not.toEqual([]);
  });
});

describe('hostile text through the API', () => {
  test('is stored as written, shown in its own plan only, and keeps its own history', async ({ alex, sam }) => {
    const created: string[] = [];
    for (const text of hostile) {
      const res = await alex().post(pathFor(paths.goals, { pairId: demoPairIds.alex }), { title: `Goal ${text}`, description: text });
      expect(res.status).toBe(201);
      created.push(res.body.value.id);
    }
    const plan = (await alex().get<PlanView>(pathFor(paths.plan, { pairId: demoPairIds.alex }))).body;
    for (const [i, text] of hostile.entries()) {
      // Titles are trimmed by the schema; descriptions likewise.
      const matching = plan.goals.filter((g) => g.value.title === `Goal ${text}`.trim());
      expect(matching.map((g) => g.value.id)).toEqual([created[i]]);
      expect(matching[0]!.value.description).toBe(text.trim());
      const history = await alex().get<GoalHistoryView>(pathFor(paths.goalHistory, { pairId: demoPairIds.alex, goalId: created[i]! }));
      expect(history.status).toBe(200);
      expect(history.body.revisions).toHaveLength(1);
    }
    const samsPlan = (await sam().get<PlanView>(pathFor(paths.plan, { pairId: demoPairIds.sam }))).body;
    expect(samsPlan.goals.length).toBeGreaterThan(0);
    expect(samsPlan.goals.filter((g) => created.includes(g.value.id))).toEqual([]);
  });

  test('cannot be used as an id', async ({ alex }) => {
    for (const text of hostile) {
      const res = await alex().get(pathFor(paths.plan, { pairId: text }));
      expect(res.status).toBe(404);
    }
  });
});
