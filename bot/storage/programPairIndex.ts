// Which pairs belong to a program: the one home of that relation. Each pair has a row in the
// program's partition of the PairIndex table (`program|{programId}` / {pairId}, with the pair's
// tenant), written with the pair's own index rows before the pair row (planTable.ts `createPair`),
// so finding a program's pairs is one partition query, never a read of every pair of every tenant.
// An index row whose pair was never written is skipped by whoever reads the pair.
//
// Pairs stored before this index existed get their rows once per deployment: the
// `program-pair-index` / `all` row of the Jobs table is claimed with a lease (dailyRun.ts) at start,
// and until that row says done the pairs of a program are found by reading every pair row instead.
// Deleting a pair (the retention purge) deletes its index row with it: the row key is the pair's id
// (shared/privacy/retention.ts `rowOfPairs`).
import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { mentorship as mentorshipSchema, type Mentorship } from '../../shared/mentorship';
import { inTenant } from '../../shared/policy';
import type { Program } from '../../shared/program';
import { dailyRun } from '../jobs/dailyRun';
import { leaseTerms } from '../jobs/lease';
import { isNotFound } from './entityCodec';
import { decodeKey, encodeKey, type Tables } from './tables';

/** The Jobs row that says every pair stored before the index has its index row. */
export const PROGRAM_PAIR_INDEX_JOB = { job: 'program-pair-index', run: 'all' } as const;

/** The program's partition of the PairIndex table (person partitions are their ids, never `program|`). */
export const programPartition = (programId: string) => `program|${encodeKey(programId)}`;

/** The index row of a pair in its program's partition. */
export const programPairRow = (m: Pick<Mentorship, 'id' | 'programId' | 'tenantId'>) => ({
  partitionKey: programPartition(m.programId),
  rowKey: encodeKey(m.id),
  tenantId: m.tenantId,
});

/** Every stored pair, read from the pair rows of the Plans table: for the index's backfill alone. */
export async function storedPairs(tables: Pick<Tables, 'plans'>): Promise<Mentorship[]> {
  const out: Mentorship[] = [];
  const rows = tables.plans.listEntities<{ data?: string }>({ queryOptions: { filter: odata`RowKey eq ${'pair'}`, select: ['data'] } });
  for await (const row of rows) {
    const doc = typeof row.data === 'string' ? (JSON.parse(row.data) as { mentorship?: unknown }) : undefined;
    const parsed = mentorshipSchema.safeParse(doc?.mentorship);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/**
 * The ids of a program's pairs in its tenant: one query of the program's index partition once the
 * backfill is done; before that, every pair row is read (the answer is the same, only slower).
 */
export function programPairIds(tables: Pick<Tables, 'plans' | 'pairIndex' | 'jobs'>) {
  let indexComplete = false;

  async function backfillDone(): Promise<boolean> {
    if (indexComplete) return true;
    try {
      const row = await tables.jobs.getEntity<{ status?: string }>(PROGRAM_PAIR_INDEX_JOB.job, PROGRAM_PAIR_INDEX_JOB.run);
      indexComplete = row.status === 'done';
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    return indexComplete;
  }

  return async (program: Pick<Program, 'id' | 'tenantId'>): Promise<string[]> => {
    if (!(await backfillDone()))
      return (await storedPairs(tables)).filter((m) => m.programId === program.id && inTenant(m.tenantId, program)).map((m) => m.id);
    const ids: string[] = [];
    for await (const row of tables.pairIndex.listEntities<{ tenantId?: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${programPartition(program.id)}`, select: ['RowKey', 'tenantId'] },
    })) {
      if (typeof row.tenantId === 'string' && inTenant(row.tenantId, program)) ids.push(decodeKey(row.rowKey ?? ''));
    }
    return ids;
  };
}

/**
 * Files the index row of every stored pair, once for the whole deployment (pairs stored before the
 * index existed): of several instances starting together one does the work, later starts find it
 * done. Filing twice is harmless, so a run whose holder died is taken over once its lease expires.
 */
export function programPairIndexFiledOnce(deps: {
  tables: Pick<Tables, 'plans' | 'pairIndex' | 'jobs'>;
  now: () => Date;
  instanceId?: string;
}) {
  const lease = leaseTerms({ owner: deps.instanceId ?? randomUUID(), ms: 15 * 60_000, clock: { now: () => deps.now().getTime() } });
  const run = dailyRun(deps.tables.jobs, PROGRAM_PAIR_INDEX_JOB.job, lease);
  return async (): Promise<'filed' | 'already_done' | 'busy'> => {
    const claim = await run.claim(PROGRAM_PAIR_INDEX_JOB.run);
    if (claim !== 'claimed') return claim;
    const pairs = await storedPairs(deps.tables);
    for (let i = 0; i < pairs.length; i += 16)
      await Promise.all(pairs.slice(i, i + 16).map((m) => deps.tables.pairIndex.upsertEntity(programPairRow(m), 'Replace')));
    await run.done(PROGRAM_PAIR_INDEX_JOB.run, { pairs: pairs.length }, deps.now());
    return 'filed';
  };
}
