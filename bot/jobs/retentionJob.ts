// Purges the data of pairs that ended longer ago than their program's retention period
// (capability 14), once a day however many server instances run it.
//
//  1. Claim the day's run: the `retention` / {UTC date} row of the Jobs table, with a lease (dailyRun.ts).
//  2. Read every pair row. An ended pair without an end date (ended before dates were kept) gets
//     today's, so its period starts now; an ended pair older than the period has expired.
//  3. File the expired pairs for a health recheck today (HealthService.fileRecheck), so a purge that
//     stops half way still has them taken out of the program's health by the daily recheck.
//  4. Delete every row of the expired pairs in every table but ProgramHealth: the plan's partition,
//     the pair index, and the index rows that name the pair (shared/privacy/retention.ts `rowOfPairs`).
//  5. Take each pair out of its program's health (HealthService.recheck: the pair is gone, so its
//     contribution leaves the totals, through the health's own transactions); then delete what is
//     left of those pairs in ProgramHealth (recheck entries of later days, records of refreshes owed).
//     A pair whose removal failed keeps its health rows: its entry stays filed for the daily recheck.
//  6. Record the run as done, with what it purged.
import { randomUUID } from 'node:crypto';
import { odata, RestError } from '@azure/data-tables';
import { documentOf, type StoredRow } from '../../shared/privacy/personalData';
import { pairExpired, retentionDaysOf, rowOfPairs } from '../../shared/privacy/retention';
import type { HealthService } from '../../shared/health/healthService';
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
  health: Pick<HealthService, 'fileRecheck' | 'recheck'>;
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

interface ExpiredPair {
  pairId: string;
  programId: string;
  tenantId: string;
}

const isStatus = (e: unknown, ...codes: number[]) => e instanceof RestError && codes.includes(e.statusCode ?? 0);

export function createRetentionJob(deps: RetentionJobDeps) {
  const { tables, programs, health, log, now } = deps;
  const lease = leaseTerms({
    owner: deps.instanceId ?? randomUUID(),
    ms: deps.leaseMs ?? 15 * 60_000,
    clock: { now: () => now().getTime() },
  });

  const run = dailyRun(tables.jobs, JOB_PK, lease);

  /** The expired pairs, each with its program; ended pairs without an end date get today's. */
  async function expiredPairs(): Promise<ExpiredPair[]> {
    const expired: ExpiredPair[] = [];
    const pairRows = await readTable(tables.plans, tableNames.plans, odata`RowKey eq ${'pair'}`);
    for (const row of pairRows) {
      const doc = documentOf(row) as
        { mentorship?: { status: string; endedAt?: string; programId: string; tenantId: string; id: string } } | undefined;
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
      if (pairExpired(m, retentionDaysOf(program?.value), now()))
        expired.push({ pairId: row.partitionKey, programId: m.programId, tenantId: m.tenantId });
    }
    return expired;
  }

  /** Deletes the rows of the pairs in the tables named, returning how many. */
  async function purge(pairIds: ReadonlySet<string>, keys: TableName[]): Promise<number> {
    let deleted = 0;
    for (const key of keys) {
      const rows: StoredRow[] = (await readTable(tables[key], tableNames[key])).filter((r) => rowOfPairs(r, pairIds));
      await deleteRows(tables[key], rows);
      deleted += rows.length;
    }
    return deleted;
  }

  /** Purges the pairs; the program health follows through its own use case (steps 3 to 5 above). */
  async function purgePairs(expired: ExpiredPair[]): Promise<number> {
    const entries = await health.fileRecheck(expired);
    const pairTables = (Object.keys(tableNames) as TableName[]).filter((key) => key !== 'jobs' && key !== 'programHealth');
    let deleted = await purge(new Set(expired.map((p) => p.pairId)), pairTables);
    const removed = new Set<string>();
    for (const entry of entries) {
      try {
        await health.recheck(entry);
        removed.add(entry.pairId);
      } catch (error) {
        log.warn('could not take a purged pair out of the program health; the daily recheck does it', {
          pairId: entry.pairId,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    if (removed.size > 0) deleted += await purge(removed, ['programHealth']);
    return deleted;
  }

  async function runOnce(): Promise<RetentionReport> {
    const day = now().toISOString().slice(0, 10);
    const claimed = await run.claim(day);
    if (claimed !== 'claimed') return { day, outcome: claimed, purgedPairs: 0, deletedRows: 0 };
    const expired = await expiredPairs();
    const deletedRows = expired.length > 0 ? await purgePairs(expired) : 0;
    await run.done(day, { purgedPairs: expired.length, deletedRows }, now());
    if (expired.length > 0) log.info('retention purge', { day, purgedPairs: expired.length, deletedRows });
    return { day, outcome: 'purged', purgedPairs: expired.length, deletedRows };
  }

  return { run: singleFlight(runOnce) };
}

export type RetentionJob = ReturnType<typeof createRetentionJob>;
