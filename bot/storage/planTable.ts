// The Plans table: one partition per pair (see tables.ts for the key scheme), and the PairIndex rows
// written with each pair: one per person, one in the program's partition (programPairIndex.ts).
import { odata, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { developmentActivity, type DevelopmentActivity } from '../../shared/activity';
import { goal, type Goal, type GoalRevision } from '../../shared/goal';
import { mentorship } from '../../shared/mentorship';
import { milestone, type Milestone } from '../../shared/milestone';
import { timeZone } from '../../shared/dates';
import { limitMessages, limits } from '../../shared/limits';
import { personId } from '../../shared/person';
import type { PairRef, PlanRecord, PlanRepository } from '../../shared/repositories';
import { fail, ok, type Result, type Versioned } from '../../shared/result';
import { decodeValidatedRow, fromRow, isConflict, isNotFound, toRow, ifMatch } from './entityCodec';
import { journalRow } from './journalTable';
import { oneAtATime } from './oneAtATime';
import { programPairIds, programPairRow } from './programPairIndex';
import { encodeKey, type Tables } from './tables';
import type { JournalEntry } from '../../shared/journal/journalEntry';

const PAIR_RK = 'pair';
const rk = {
  goal: (goalId: string) => `goal|${encodeKey(goalId)}`,
  // Zero-padded so revisions sort in order within a goal.
  revision: (goalId: string, revision: number) => `goalrev|${encodeKey(goalId)}|${String(revision).padStart(6, '0')}`,
  revisionPrefix: (goalId: string) => `goalrev|${encodeKey(goalId)}|`,
  milestone: (id: string) => `milestone|${encodeKey(id)}`,
  activity: (id: string) => `activity|${encodeKey(id)}`,
  // Written with every create that a limit counts, under its ETag (see createUnderLimit).
  limit: (what: 'goals' | 'milestones' | 'activities', goalId?: string) => `limit|${what}${goalId ? `|${encodeKey(goalId)}` : ''}`,
};

/** Racing creates each lose at most once per winner; a limit is reached long before this. */
const LIMIT_ATTEMPTS = 100;

/**
 * The rows a plan view needs, named one kind at a time: the pair, its goals, milestones and
 * activities. Everything else in the partition (goal history, check-ins, the journal, feedback,
 * the check-in schedule) grows over time and is read only where it is shown. ('}' sorts right after
 * '|', so `goal|`..`goal}` holds goals but not `goalrev|` history.)
 */
export const planRowsFilter = (pairId: string) =>
  odata`PartitionKey eq ${encodeKey(pairId)} and (RowKey eq ${PAIR_RK} or (RowKey ge ${'goal|'} and RowKey lt ${'goal}'}) or (RowKey ge ${'milestone|'} and RowKey lt ${'milestone}'}) or (RowKey ge ${'activity|'} and RowKey lt ${'activity}'}))`;

const memberSummary = z
  .object({ id: personId, displayName: z.string(), jobTitle: z.string().optional(), timeZone, email: z.string().optional() })
  .strict();
const pairRow = z.object({ mentorship, members: z.object({ mentor: memberSummary, mentee: memberSummary }).strict() }).strict();
const revisionRow = z.object({
  goalId: z.string(),
  revision: z.number().int(),
  change: z.enum(['created', 'updated', 'completed', 'dropped', 'reopened']),
  at: z.string(),
  by: z.string(),
  reason: z.string().optional(),
  fields: z.array(
    z.object({ field: z.string(), from: z.union([z.string(), z.number(), z.null()]), to: z.union([z.string(), z.number(), z.null()]) }),
  ),
}) as unknown as z.ZodType<GoalRevision>;

const conflict = <T>(what: string, current?: Versioned<unknown>): Result<T> =>
  fail(
    'conflict',
    `Someone changed this ${what} after you opened it. Review the current version and apply your change again.`,
    current ? { current } : {},
  );

export function planTable(tables: Pick<Tables, 'plans' | 'pairIndex' | 'jobs'>): PlanRepository {
  const { plans, pairIndex } = tables;
  const queued = oneAtATime();

  async function readRow<T>(
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
    pairId: string,
    rowKey: string,
  ): Promise<Versioned<T> | undefined> {
    try {
      return fromRow(schema, await plans.getEntity(encodeKey(pairId), rowKey));
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  async function createRow<T>(pairId: string, rowKey: string, value: T, what: string): Promise<Result<Versioned<T>>> {
    try {
      const res = await plans.createEntity(toRow(encodeKey(pairId), rowKey, value));
      return ok({ value, etag: res.etag ?? '' });
    } catch (e) {
      if (isConflict(e)) return fail('conflict', `This ${what} exists already.`);
      throw e;
    }
  }

  async function replaceRow<T>(
    pairId: string,
    rowKey: string,
    value: T,
    etag: string,
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
    what: string,
  ): Promise<Result<Versioned<T>>> {
    try {
      const res = await plans.updateEntity(toRow(encodeKey(pairId), rowKey, value), 'Replace', ifMatch(etag));
      return ok({ value, etag: res.etag ?? '' });
    } catch (e) {
      if (isConflict(e)) return conflict(what, await readRow(schema, pairId, rowKey));
      if (isNotFound(e)) return fail('not_found', `That ${what} no longer exists.`);
      throw e;
    }
  }

  async function deleteRow(pairId: string, rowKey: string, etag: string, what: string): Promise<Result<void>> {
    try {
      await plans.deleteEntity(encodeKey(pairId), rowKey, ifMatch(etag));
      return ok(undefined);
    } catch (e) {
      if (isConflict(e)) return conflict(what);
      if (isNotFound(e)) return fail('not_found', `That ${what} no longer exists.`);
      throw e;
    }
  }

  /** The rows of one kind (`goal|`, `milestone|`, `activity|`) in a pair, optionally of one goal. */
  async function countRows(pairId: string, prefix: string, goalId?: string): Promise<number> {
    const filter = odata`PartitionKey eq ${encodeKey(pairId)} and RowKey ge ${`${prefix}|`} and RowKey lt ${`${prefix}}`}`;
    let count = 0;
    for await (const row of plans.listEntities({ queryOptions: { filter, select: goalId ? ['data'] : ['RowKey'] } })) {
      if (!goalId || (JSON.parse(String(row.data)) as { goalId?: string }).goalId === goalId) count++;
    }
    return count;
  }

  /**
   * Creates rows only while a count stays under its limit, even when requests race: the limit row's
   * version is read before counting and written in the same transaction as the new rows, so of two
   * creates that counted the same rows one fails with 412/409 and counts again. (A delete only
   * lowers the count, so it need not touch the limit row.)
   */
  async function createUnderLimit(
    pairId: string,
    limitKey: string,
    count: () => Promise<number>,
    max: number,
    refusal: string,
    actions: TransactionAction[],
  ): Promise<Result<{ etag: string | undefined }>> {
    const pk = encodeKey(pairId);
    return queued(`${pk}\u0000${limitKey}`, async () => {
      for (let attempt = 0; attempt < LIMIT_ATTEMPTS; attempt++) {
        let seen: string | undefined;
        try {
          seen = (await plans.getEntity(pk, limitKey, { queryOptions: { select: ['RowKey'] } })).etag;
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
        if ((await count()) >= max) return fail('invalid', refusal, { issues: [{ path: '', message: refusal }] });
        const limitRow = { partitionKey: pk, rowKey: limitKey, kind: 'limit' };
        try {
          const res = await plans.submitTransaction([
            ...actions,
            seen === undefined ? ['create', limitRow] : ['update', limitRow, 'Replace', { etag: seen }],
          ]);
          // Sub-responses come in the order of the actions; the new row is the first.
          return ok({ etag: res.subResponses[0]?.etag?.trim() || undefined });
        } catch (e) {
          if (!isTransactionConflict(e)) throw e;
        }
      }
      return fail('conflict', 'Many changes arrived at once. Try again in a moment.');
    });
  }

  async function createCounted<T extends { id: string }>(
    pairId: string,
    rowKey: string,
    value: T,
    limit: { key: string; count: () => Promise<number>; max: number; refusal: string },
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  ): Promise<Result<Versioned<T>>> {
    const created = await createUnderLimit(pairId, limit.key, limit.count, limit.max, limit.refusal, [
      ['create', toRow(encodeKey(pairId), rowKey, value)],
    ]);
    if (!created.ok) return created;
    return ok({ value, etag: created.value.etag ?? (await readRow(schema, pairId, rowKey))?.etag ?? '' });
  }

  /** A goal, its history entry and its journal entry in one atomic transaction (same partition); a new goal counts against the plan's limit. */
  async function writeGoal(
    g: Goal,
    revision: GoalRevision,
    etag: string | undefined,
    journal: JournalEntry | undefined,
  ): Promise<Result<Versioned<Goal>>> {
    const pk = encodeKey(g.pairId);
    const goalRow = toRow(pk, rk.goal(g.id), g, { kind: 'goal' });
    const actions: TransactionAction[] = [
      etag === undefined ? ['create', goalRow] : ['update', goalRow, 'Replace', ifMatch(etag)],
      ['create', toRow(pk, rk.revision(g.id, revision.revision), revision, { kind: 'goalrev' })],
    ];
    if (journal) actions.push(['create', journalRow(journal)]);
    if (etag === undefined) {
      const created = await createUnderLimit(
        g.pairId,
        rk.limit('goals'),
        () => countRows(g.pairId, 'goal'),
        limits.goalsPerPair,
        limitMessages.goalsPerPair,
        actions,
      );
      if (!created.ok) return created;
      return ok({ value: g, etag: created.value.etag ?? (await readRow(goal, g.pairId, rk.goal(g.id)))?.etag ?? '' });
    }
    try {
      const res = await plans.submitTransaction(actions);
      // Sub-responses come in the order of the actions; the goal is the first.
      const etag = res.subResponses[0]?.etag?.trim();
      if (etag) return ok({ value: g, etag });
      const stored = await readRow(goal, g.pairId, rk.goal(g.id));
      return ok({ value: g, etag: stored?.etag ?? '' });
    } catch (e) {
      if (isConflict(e) || isTransactionConflict(e)) return conflict('goal', await readRow(goal, g.pairId, rk.goal(g.id)));
      throw e;
    }
  }

  return {
    async pairsOf(person) {
      const refs: PairRef[] = [];
      for await (const row of pairIndex.listEntities<{ role: string }>({
        queryOptions: { filter: odata`PartitionKey eq ${encodeKey(person)}` },
      })) {
        if (row.role === 'mentor' || row.role === 'mentee') refs.push({ pairId: row.rowKey ?? '', role: row.role });
      }
      return refs;
    },

    pairsOfProgram: programPairIds(tables),

    async load(pairId) {
      let pair: Versioned<z.infer<typeof pairRow>> | undefined;
      const goals: Versioned<Goal>[] = [];
      const milestones: Versioned<Milestone>[] = [];
      const activities: Versioned<DevelopmentActivity>[] = [];
      // Only the columns a plan needs: the JSON document (the ETag always comes along).
      for await (const row of plans.listEntities({ queryOptions: { filter: planRowsFilter(pairId), select: ['RowKey', 'data'] } })) {
        const key = row.rowKey ?? '';
        if (key === PAIR_RK) pair = fromRow(pairRow, row);
        // Goals, milestones and activities are validated on every write below; a plan load reads
        // them back without parsing each again.
        else if (key.startsWith('goal|')) goals.push(decodeValidatedRow<Goal>(row));
        else if (key.startsWith('milestone|')) milestones.push(decodeValidatedRow<Milestone>(row));
        else if (key.startsWith('activity|')) activities.push(decodeValidatedRow<DevelopmentActivity>(row));
      }
      if (!pair) return undefined;
      const record: PlanRecord = {
        mentorship: { value: pair.value.mentorship, etag: pair.etag },
        members: pair.value.members,
        goals,
        milestones,
        activities,
      };
      return record;
    },

    async loadPair(pairId) {
      const pair = await readRow(pairRow, pairId, PAIR_RK);
      return pair && { mentorship: { value: pair.value.mentorship, etag: pair.etag }, members: pair.value.members };
    },

    async createPair(m, members) {
      const value = mentorship.parse(m);
      // Index rows first: an index row whose pair was never written is skipped on read; a pair
      // without index rows would be invisible to its members and to its program.
      await Promise.all([
        pairIndex.upsertEntity({ partitionKey: encodeKey(m.mentorId), rowKey: encodeKey(m.id), role: 'mentor' }, 'Replace'),
        pairIndex.upsertEntity({ partitionKey: encodeKey(m.menteeId), rowKey: encodeKey(m.id), role: 'mentee' }, 'Replace'),
        pairIndex.upsertEntity(programPairRow(value), 'Replace'),
      ]);
      const created = await createRow(m.id, PAIR_RK, { mentorship: value, members }, 'mentorship');
      return created.ok ? ok({ value, etag: created.value.etag }) : created;
    },

    async updateMentorship(m, etag) {
      const current = await readRow(pairRow, m.id, PAIR_RK);
      if (!current) return fail('not_found', 'That mentorship no longer exists.');
      const value = mentorship.parse(m);
      const res = await replaceRow(m.id, PAIR_RK, { mentorship: value, members: current.value.members }, etag, pairRow, 'mentorship');
      if (!res.ok) {
        const cur = res.error.current as Versioned<z.infer<typeof pairRow>> | undefined;
        return cur ? conflict('agreement', { value: cur.value.mentorship, etag: cur.etag }) : res;
      }
      return ok({ value, etag: res.value.etag });
    },

    createGoal: (g, revision, journal) => writeGoal(goal.parse(g), revision, undefined, journal),
    updateGoal: (g, etag, revision, journal) => writeGoal(goal.parse(g), revision, etag, journal),

    async goalHistory(pairId, goalId) {
      const prefix = rk.revisionPrefix(goalId);
      const out: GoalRevision[] = [];
      const filter = odata`PartitionKey eq ${encodeKey(pairId)} and RowKey ge ${prefix} and RowKey lt ${`${prefix}~`}`;
      for await (const row of plans.listEntities({ queryOptions: { filter } }))
        out.push(fromRow(revisionRow, row as TableEntityResult<Record<string, unknown>>).value);
      return out;
    },

    createMilestone: (pairId, m) =>
      createCounted(
        pairId,
        rk.milestone(m.id),
        milestone.parse(m),
        {
          key: rk.limit('milestones', m.goalId),
          count: () => countRows(pairId, 'milestone', m.goalId),
          max: limits.milestonesPerGoal,
          refusal: limitMessages.milestonesPerGoal,
        },
        milestone,
      ),
    async updateMilestone(pairId, m, etag, journal) {
      const value = milestone.parse(m);
      if (!journal) return replaceRow(pairId, rk.milestone(m.id), value, etag, milestone, 'milestone');
      // The milestone and the journal entry that records it as done: one transaction, never one alone.
      const row = toRow(encodeKey(pairId), rk.milestone(m.id), value);
      try {
        const res = await plans.submitTransaction([
          ['update', row, 'Replace', ifMatch(etag)],
          ['create', journalRow(journal)],
        ]);
        const written = res.subResponses[0]?.etag?.trim();
        return ok({ value, etag: written ?? (await readRow(milestone, pairId, rk.milestone(m.id)))?.etag ?? '' });
      } catch (e) {
        if (isConflict(e) || isTransactionConflict(e)) return conflict('milestone', await readRow(milestone, pairId, rk.milestone(m.id)));
        if (isNotFound(e) || (e as { statusCode?: number } | null)?.statusCode === 404)
          return fail('not_found', 'That milestone no longer exists.');
        throw e;
      }
    },
    deleteMilestone: (pairId, id, etag) => deleteRow(pairId, rk.milestone(id), etag, 'milestone'),
    createActivity: (pairId, a) =>
      createCounted(
        pairId,
        rk.activity(a.id),
        developmentActivity.parse(a),
        {
          key: rk.limit('activities', a.goalId),
          count: () => countRows(pairId, 'activity', a.goalId),
          max: limits.activitiesPerGoal,
          refusal: limitMessages.activitiesPerGoal,
        },
        developmentActivity,
      ),
    updateActivity: (pairId, a, etag) =>
      replaceRow(pairId, rk.activity(a.id), developmentActivity.parse(a), etag, developmentActivity, 'activity'),
    deleteActivity: (pairId, id, etag) => deleteRow(pairId, rk.activity(id), etag, 'activity'),
  };
}

/** A failed transaction reports the failing operation's status on the error. */
function isTransactionConflict(e: unknown): boolean {
  const status = (e as { statusCode?: number; response?: { status?: number } } | null)?.statusCode;
  return status === 412 || status === 409;
}

/**
 * The two writes of a goal change: the goal under the ETag read and its history entry, for a
 * transaction with what caused the change (a checkpoint's recalibration).
 */
/** A new goal and its first history entry, for a transaction of the pair's partition (a create of an existing goal fails it). */
export function goalCreateActions(g: Goal, revision: GoalRevision): TransactionAction[] {
  const valid = goal.parse(g);
  const pk = encodeKey(valid.pairId);
  return [
    ['create', toRow(pk, rk.goal(valid.id), valid, { kind: 'goal' })],
    ['create', toRow(pk, rk.revision(valid.id, revision.revision), revision, { kind: 'goalrev' })],
  ];
}

export function goalChangeActions(g: Goal, etag: string, revision: GoalRevision): TransactionAction[] {
  const valid = goal.parse(g);
  const pk = encodeKey(valid.pairId);
  return [
    ['update', toRow(pk, rk.goal(valid.id), valid, { kind: 'goal' }), 'Replace', { etag }],
    ['create', toRow(pk, rk.revision(valid.id, revision.revision), revision, { kind: 'goalrev' })],
  ];
}
