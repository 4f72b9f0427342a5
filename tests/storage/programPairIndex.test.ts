// A program's pairs come from its index in the PairIndex table, written with each pair: the plans
// repository, the priority usage of a settings edit, the renewal cards of a changed cycle end and the
// health rebuild all find exactly the program's pairs in its tenant. Pairs stored before the index
// existed are found by reading every pair until the once-per-deployment backfill has filed them.
import { describe, expect, it } from 'vitest';
import { demoPairs } from '../../bot/dev/demoData';
import { programPairs } from '../../bot/renewal/renewalNotices';
import { planTable } from '../../bot/storage/planTable';
import { priorityUsage } from '../../bot/storage/priorityUsage';
import { pairHealthSource } from '../../bot/storage/programHealthTable';
import { programPairIndexFiledOnce, programPairRow, programPartition } from '../../bot/storage/programPairIndex';
import { encodeKey, ensureTables, openTables, type Tables } from '../../bot/storage/tables';
import type { Goal } from '../../shared/goal';
import type { Mentorship } from '../../shared/mentorship';
import { summarizePerson } from '../../shared/person';
import { newTablePrefix, testConnectionString } from '../support/storage';

const now = new Date('2026-11-21T12:00:00Z');
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = 'f0f0f0f0-0000-4000-8000-000000000009';
const template = demoPairs(now)[0]!;

async function freshTables(): Promise<Tables> {
  const tables = openTables({ connectionString: testConnectionString(), tablePrefix: newTablePrefix() });
  await ensureTables(tables);
  return tables;
}

/** A pair of `programId` in `tenantId`, stored as the app stores it, with one goal on `priorityId`. */
async function addPair(tables: Tables, id: string, programId: string, tenantId: string, priorityId = 'p1'): Promise<Mentorship> {
  const plans = planTable(tables);
  const m: Mentorship = { ...template.mentorship, id, programId, tenantId };
  const created = await plans.createPair(m, {
    mentor: summarizePerson({ ...template.mentee, id: m.mentorId }),
    mentee: summarizePerson(template.mentee),
  });
  expect(created.ok).toBe(true);
  const goal: Goal = { ...template.goals[0]!, id: `${id}-goal`, pairId: id, priorityId, revision: 1 };
  const res = await plans.createGoal(goal, {
    goalId: goal.id,
    revision: 1,
    change: 'created',
    at: now.toISOString(),
    by: m.menteeId,
    fields: [],
  });
  expect(res.ok).toBe(true);
  return m;
}

/** What each of the four readers finds as the program's pairs. */
async function foundBy(tables: Tables, program: { id: string; tenantId: string }) {
  const plans = planTable(tables);
  return {
    repository: (await plans.pairsOfProgram(program)).sort(),
    health: (await pairHealthSource(tables).pairsOfProgram({ programId: program.id, tenantId: program.tenantId })).sort(),
    renewal: (await programPairs(plans)(program)).map((m) => m.id).sort(),
    priorityUsage: await priorityUsage(tables, plans)(program),
  };
}

describe('the program pair index', () => {
  it('is written with a new pair: a row in the program’s partition naming the pair and its tenant', async () => {
    const tables = await freshTables();
    const m = await addPair(tables, 'index-new-pair', 'index-program', TENANT);
    const row = await tables.pairIndex.getEntity<{ tenantId?: string }>(programPartition('index-program'), encodeKey(m.id));
    expect(row.tenantId).toBe(TENANT);
    expect(programPairRow(m)).toMatchObject({ partitionKey: row.partitionKey, rowKey: row.rowKey });
  });

  it('gives every reader exactly the program’s pairs: not another program’s, not another tenant’s', async () => {
    const tables = await freshTables();
    expect(await programPairIndexFiledOnce({ tables, now: () => now })()).toBe('filed');
    await addPair(tables, 'p-one', 'program-p', TENANT);
    await addPair(tables, 'p-two', 'program-p', TENANT, 'p2');
    await addPair(tables, 'q-one', 'program-q', TENANT);
    // Another tenant's pair under the same program id.
    await addPair(tables, 'u-one', 'program-p', OTHER_TENANT);

    expect(await foundBy(tables, { id: 'program-p', tenantId: TENANT })).toEqual({
      repository: ['p-one', 'p-two'],
      health: ['p-one', 'p-two'],
      renewal: ['p-one', 'p-two'],
      priorityUsage: { p1: 1, p2: 1 },
    });
    expect(await foundBy(tables, { id: 'program-q', tenantId: TENANT })).toMatchObject({ repository: ['q-one'], priorityUsage: { p1: 1 } });
    expect(await foundBy(tables, { id: 'program-p', tenantId: OTHER_TENANT })).toMatchObject({ repository: ['u-one'], renewal: ['u-one'] });
    expect(await foundBy(tables, { id: 'program-none', tenantId: TENANT })).toEqual({
      repository: [],
      health: [],
      renewal: [],
      priorityUsage: {},
    });
  });

  it('finds a pair stored before the index by reading every pair until the backfill, which files its row once', async () => {
    const tables = await freshTables();
    const old = await addPair(tables, 'stored-before', 'program-old', TENANT);
    await addPair(tables, 'elsewhere', 'program-other', TENANT);
    // As stored before programs indexed their pairs: no row in the program's partition.
    const indexRow = programPairRow(old);
    await tables.pairIndex.deleteEntity(indexRow.partitionKey, indexRow.rowKey);
    const program = { id: 'program-old', tenantId: TENANT };

    expect((await foundBy(tables, program)).repository).toEqual(['stored-before']);

    const fileOnce = programPairIndexFiledOnce({ tables, now: () => now });
    expect(await fileOnce()).toBe('filed');
    expect((await tables.pairIndex.getEntity<{ tenantId?: string }>(indexRow.partitionKey, indexRow.rowKey)).tenantId).toBe(TENANT);
    expect(await foundBy(tables, program)).toEqual({
      repository: ['stored-before'],
      health: ['stored-before'],
      renewal: ['stored-before'],
      priorityUsage: { p1: 1 },
    });
    // Once per deployment: a later start finds it done.
    expect(await programPairIndexFiledOnce({ tables, now: () => now })()).toBe('already_done');

    // From now on the index alone answers: a pair missing from it is no longer looked for elsewhere.
    await tables.pairIndex.deleteEntity(indexRow.partitionKey, indexRow.rowKey);
    expect((await foundBy(tables, program)).repository).toEqual([]);
  });
});
