// A rebuild of a program's health with other work racing it, on Azurite: a refresh that writes a
// pair's row between the rebuild's deletes and its writes, and a row that goes (a purge) between
// the rebuild's read of the rows and its deletes. The rebuild finishes, and the program counts each
// of its pairs once.
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { describe, expect, test } from 'vitest';
import { programHealthTable } from '../../bot/storage/programHealthTable';
import { ensureTables, openTables, type Tables } from '../../bot/storage/tables';
import { sliceKey, type PairHealthRow } from '../../shared/health/pairHealth';
import { emptyContribution } from '../../shared/health/programHealth';
import { DEVELOPMENT_TENANT_ID } from '../../shared/person';
import { newTablePrefix, testConnectionString } from '../support/storage';

const PROGRAM = 'rebuild-race';
const ALL = sliceKey({ kind: 'all' });

function pairRow(i: number, atRisk = false): PairHealthRow {
  const contribution = { ...emptyContribution(), pairs: 1, activePairs: 1, atRisk: atRisk ? 1 : 0 };
  return {
    programId: PROGRAM,
    tenantId: DEVELOPMENT_TENANT_ID,
    pairId: `race-pair-${i}`,
    slices: [ALL, sliceKey({ kind: 'cohort', cohort: i % 2 === 0 ? 'spring' : 'autumn' })],
    contribution,
    signals: { status: 'active', startedAt: '2026-01-05', missedCheckpoints: 0 },
    atRisk,
    names: { mentor: `Mentor ${i}`, mentee: `Mentee ${i}` },
  };
}

const rows = [pairRow(1), pairRow(2, true), pairRow(3), pairRow(4, true)];

/** The tables, with `beforeFirstDelete` / `afterFirstDelete` run around the first batch that deletes. */
function racingTables(tables: Tables, race: { beforeFirstDelete?: () => Promise<void>; afterFirstDelete?: () => Promise<void> }) {
  let raced = false;
  const table = tables.programHealth;
  const submitTransaction = async (actions: TransactionAction[]) => {
    const deletes = !raced && actions.some(([kind]) => kind === 'delete');
    if (deletes) raced = true;
    if (deletes) await race.beforeFirstDelete?.();
    const result = await table.submitTransaction(actions);
    if (deletes) await race.afterFirstDelete?.();
    return result;
  };
  const racing = new Proxy(table, {
    get: (target, key) => (key === 'submitTransaction' ? submitTransaction : Reflect.get(target, key, target)),
  }) as TableClient;
  return { programHealth: racing, raced: () => raced };
}

async function openStores() {
  const tables = openTables({ connectionString: testConnectionString(), tablePrefix: newTablePrefix() });
  await ensureTables(tables);
  const health = programHealthTable(tables);
  // A first rebuild, so the next one has rows to delete.
  await health.rebuild(PROGRAM, rows);
  return { tables, health };
}

describe('a rebuild of program health', () => {
  test('finishes when a refresh writes a pair between its deletes and its writes, and counts each pair once', async () => {
    const { tables, health } = await openStores();
    const racing = racingTables(tables, {
      afterFirstDelete: async () => {
        // A refresh of pair 2: its row is created with its totals, as after a write to the pair.
        const refreshed = await health.replace(undefined, rows[1]!);
        expect(refreshed.ok).toBe(true);
      },
    });
    await programHealthTable(racing).rebuild(PROGRAM, rows);
    expect(racing.raced()).toBe(true);
    const all = await health.read(PROGRAM, ALL);
    expect(all.totals).toMatchObject({ pairs: 4, activePairs: 4, atRisk: 2 });
    expect(all.atRisk.map((r) => r.pairId).sort()).toEqual(['race-pair-2', 'race-pair-4']);
    expect(all.slicePairs).toMatchObject({ [ALL]: 4, [sliceKey({ kind: 'cohort', cohort: 'spring' })]: 2 });
    expect((await health.get(PROGRAM, 'race-pair-2'))?.row).toEqual(rows[1]);
  });

  test('finishes when a row it read is gone before it deletes it', async () => {
    const { tables, health } = await openStores();
    const racing = racingTables(tables, {
      // A purge took pair 3 out in between.
      beforeFirstDelete: async () => {
        const before = await health.get(PROGRAM, 'race-pair-3');
        expect(before).toBeDefined();
        await health.remove(before!);
      },
    });
    await programHealthTable(racing).rebuild(PROGRAM, [rows[0]!, rows[1]!, rows[3]!]);
    expect(racing.raced()).toBe(true);
    const all = await health.read(PROGRAM, ALL);
    expect(all.totals).toMatchObject({ pairs: 3, atRisk: 2 });
    expect(await health.get(PROGRAM, 'race-pair-3')).toBeUndefined();
  });
});
