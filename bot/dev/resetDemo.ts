// `npm run demo:reset`: empties the app's tables and seeds the demo program again.
import { checkpointTable } from '../storage/checkpointTable';
import { ConfigError, parseConfig } from '../config';
import { storageConnection } from '../storage/connect';
import { ensureTables, openTables, type Tables } from '../storage/tables';
import { checkInDueTable } from '../storage/checkInDueTable';
import { checkInScheduleTable } from '../storage/checkInScheduleTable';
import { peopleTable } from '../storage/peopleTable';
import { planTable } from '../storage/planTable';
import { programTable } from '../storage/programTable';
import { digestIndexTable } from '../storage/digestTable';
import { winTable } from '../storage/winTable';
import { openEmbeddedStorage } from './embeddedStorage';
import { seedDemo } from './seedDemo';
import { journalTable } from '../storage/journalTable';
import { createHealthService } from '../../shared/health/healthService';
import { pairHealthSource, programHealthTable } from '../storage/programHealthTable';
import { checkInTable } from '../storage/checkInTable';
import { programRequestTable } from '../storage/programRequestTable';
import { enrolmentTable } from '../storage/enrolmentTable';

async function clear(tables: Tables): Promise<number> {
  let deleted = 0;
  for (const table of Object.values(tables)) {
    for await (const row of table.listEntities({ queryOptions: { select: ['PartitionKey', 'RowKey'] } })) {
      await table.deleteEntity(row.partitionKey ?? '', row.rowKey ?? '');
      deleted++;
    }
  }
  return deleted;
}

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const embedded = config.storage.kind === 'embedded' ? await openEmbeddedStorage(config.storage.dataDir) : undefined;
  try {
    const tables = openTables(storageConnection(config.storage, config.tablePrefix, embedded?.connectionString));
    await ensureTables(tables);
    const deleted = await clear(tables);
    const checkInSchedules = checkInScheduleTable(tables, checkInDueTable(tables));
    await seedDemo(
      {
        people: peopleTable(tables),
        programs: programTable(tables),
        plans: planTable(tables),
        enrolments: enrolmentTable(tables),
        checkInSchedules,
        wins: winTable(tables),
        digest: digestIndexTable(tables),
        checkpoints: checkpointTable(tables),
        journal: journalTable(tables),
        rebuildHealth: createHealthService({
          programs: programTable(tables),
          source: pairHealthSource(tables),
          health: programHealthTable(tables),
          now: () => new Date(),
        }).rebuildProgram,
        cohort: { checkIns: checkInTable(tables), requests: programRequestTable(tables) },
      },
      new Date(),
    );
    console.log(`Demo data reset: removed ${deleted} rows and seeded the demo program again.`);
  } finally {
    await embedded?.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : `Could not reset the demo data: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
