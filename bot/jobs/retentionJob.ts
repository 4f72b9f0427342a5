// Purges the data of pairs that ended longer ago than their program's retention period
// (capability 14), once a day however many server instances run it.
//
//  1. Claim the day's run: the `retention` / {UTC date} row of the Jobs table, with a lease (dailyRun.ts).
//  2. Read every pair row. An ended pair without an end date (ended before dates were kept) gets
//     today's, so its period starts now; an ended pair older than the period has expired.
//  3. Delete every row of the expired pairs in every table: the plan's partition, the pair index,
//     and the index rows that name the pair (shared/privacy/retention.ts `rowOfPairs`).
//  4. Record the run as done, with what it purged.
import { randomUUID } from 'node:crypto';
import { odata, RestError } from '@azure/data-tables';
import { documentOf, type StoredRow } from '../../shared/privacy/personalData';
import { pairExpired, retentionDaysOf, rowOfPairs } from '../../shared/privacy/retention';
import type { ProgramRepository } from '../../shared/repositories';
import type { Logger } from '../log';
import { deleteRows, readTable } from '../privacy/storedRows';
import { tableNames, type TableName, type Tables } from '../storage/tables';
import { dailyRun } from './dailyRun';
import { leaseTerms } from './lease';
import { singleFlight } from './singleFlight';

export interface RetentionJobDeps {
  tables: Tables;
  programs: Pick<ProgramRepository, 'get'>;
  log: Logger;
  now: () => Date;
  instanceId?: string;
  /** How long a claim holds: longer than a purge takes. */
  leaseMs?: number;
}

export interface RetentionReport {
  day: string;
  outcome: 'purged' | 'already_done' | 'busy';
  purgedPairs: number;
  deletedRows: number;
}

const JOB_PK = 'retention';

const isStatus = (e: unknown, ...codes: number[]) => e instanceof RestError && codes.includes(e.statusCode ?? 0);

export function createRetentionJob(deps: RetentionJobDeps) {
  const { tables, programs, log, now } = deps;
  const lease = leaseTerms({
    owner: deps.instanceId ?? randomUUID(),
    ms: deps.leaseMs ?? 15 * 60_000,
    clock: { now: () => now().getTime() },
  });

  const run = dailyRun(tables.jobs, JOB_PK, lease);

  /** The expired pairs; ended pairs without an end date get today's. */
  async function expiredPairs(): Promise<Set<string>> {
    const expired = new Set<string>();
    const pairRows = await readTable(tables.plans, tableNames.plans, odata`RowKey eq ${'pair'}`);
    for (const row of pairRows) {
      const doc = documentOf(row) as { mentorship?: { status: string; endedAt?: string; programId: string; id: string } } | undefined;
      const m = doc?.mentorship;
      if (!m || m.status !== 'ended') continue;
      if (!m.endedAt) {
        m.endedAt = now().toISOString();
        try {
          await tables.plans.updateEntity(
            { partitionKey: row.partitionKey, rowKey: row.rowKey, ...row.properties, data: JSON.stringify(doc) },
            'Replace',
            {
              etag: row.etag,
            },
          );
        } catch (e) {
          if (!isStatus(e, 412, 404)) throw e;
        }
        continue;
      }
      const program = await programs.get(m.programId);
      if (pairExpired(m, retentionDaysOf(program?.value), now())) expired.add(row.partitionKey);
    }
    return expired;
  }

  async function purge(pairIds: ReadonlySet<string>): Promise<number> {
    let deleted = 0;
    for (const key of Object.keys(tableNames) as TableName[]) {
      if (key === 'jobs') continue;
      const rows: StoredRow[] = (await readTable(tables[key], tableNames[key])).filter((r) => rowOfPairs(r, pairIds));
      await deleteRows(tables[key], rows);
      deleted += rows.length;
    }
    return deleted;
  }

  async function runOnce(): Promise<RetentionReport> {
    const day = now().toISOString().slice(0, 10);
    const claimed = await run.claim(day);
    if (claimed !== 'claimed') return { day, outcome: claimed, purgedPairs: 0, deletedRows: 0 };
    const expired = await expiredPairs();
    const deletedRows = expired.size > 0 ? await purge(expired) : 0;
    await run.done(day, { purgedPairs: expired.size, deletedRows }, now());
    if (expired.size > 0) log.info('retention purge', { day, purgedPairs: expired.size, deletedRows });
    return { day, outcome: 'purged', purgedPairs: expired.size, deletedRows };
  }

  return { run: singleFlight(runOnce) };
}

export type RetentionJob = ReturnType<typeof createRetentionJob>;
