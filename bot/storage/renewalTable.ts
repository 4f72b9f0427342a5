// Renewals in the Plans table, in the pair's partition (see tables.ts): `renewal|{cycleEnd}` what the
// pair decided, `repair|{cycleEnd}` its request for another mentor (column `programId`, for the
// program manager), `mentoroffer|{cycleEnd}` the mentee's offer to mentor (columns `programId`,
// `personId`, for matching). A decision writes them with the pair row, every decided goal and its
// history entry, and the goals set for the next cycle (each with its first history entry, under the
// plan's goal-limit row) in one transaction.
import type { TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { mentorship as mentorshipSchema } from '../../shared/mentorship';
import type { RenewalNoticeLog, RenewalNoticeRecord } from '../../shared/renewal/renewalNotice';
import type { RenewalRecord, RenewalRepository } from '../../shared/renewal/renewalService';
import { fail, ok } from '../../shared/result';
import { fromRow, isConflict, isNotFound, toRow, ifMatch } from './entityCodec';
import { goalChangeActions, goalCreateActions } from './planTable';
import { indexRequest, requestKeys } from './programRequestTable';
import { encodeKey, type Tables } from './tables';

const key = {
  renewal: (cycleEnd: string) => `renewal|${cycleEnd}`,
  repair: requestKeys.renewalRepair,
  offer: requestKeys.offer,
  notice: (cycleEnd: string, role: string) => `renewalnotice|${cycleEnd}|${role}`,
};

const noticeRecord = z
  .object({
    tenantId: z.string().min(1).max(64),
    pairId: z.string(),
    cycleEnd: z.string(),
    role: z.enum(['mentor', 'mentee']),
    sentAt: z.string(),
  })
  .strict();

/**
 * Table Storage takes at most 100 operations in one transaction: the pair, the renewal, a re-pair
 * request, an offer, the goal-limit row; then two per goal (the goal and its history entry).
 */
const MAX_ACTIONS = 100;
const FIXED_ACTIONS = 5;
const GOAL_LIMIT_KEY = 'limit|goals';

const renewalRow = z
  .object({
    tenantId: z.string(),
    programId: z.string(),
    pairId: z.string(),
    cycleEnd: z.string(),
    pair: z.enum(['continue', 'change_mentor', 'close']),
    pairReason: z.string().optional(),
    goals: z.array(
      z.object({ goalId: z.string(), decision: z.enum(['carry_over', 'complete', 'drop']), reason: z.string().optional() }).strict(),
    ),
    newGoalIds: z.array(z.string()).optional(),
    decidedAt: z.string(),
    decidedBy: z.string(),
  })
  .strict() as unknown as z.ZodType<RenewalRecord>;

const statusOf = (e: unknown) => (e as { statusCode?: number } | null)?.statusCode;

export function renewalTable(tables: Pick<Tables, 'plans' | 'programRequests'>): RenewalRepository {
  const { plans } = tables;
  return {
    maxGoals: Math.floor((MAX_ACTIONS - FIXED_ACTIONS) / 2),

    async get(pairId, cycleEnd) {
      try {
        return fromRow(renewalRow, await plans.getEntity(encodeKey(pairId), key.renewal(cycleEnd))).value;
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },

    async decide(write) {
      const m = mentorshipSchema.parse(write.mentorship);
      const pk = encodeKey(m.id);
      const pairEntity = await plans.getEntity(pk, 'pair');
      const stored = JSON.parse(String(pairEntity.data)) as { members: unknown };
      const cycleEnd = write.record.cycleEnd;
      const columns = { tenantId: m.tenantId, programId: m.programId };
      const actions: TransactionAction[] = [
        ['update', toRow(pk, 'pair', { mentorship: m, members: stored.members }), 'Replace', ifMatch(write.etag)],
        ['create', toRow(pk, key.renewal(cycleEnd), renewalRow.parse(write.record), { kind: 'renewal', ...columns })],
        ...write.goals.flatMap((g) => goalChangeActions(g.goal, g.etag, g.revision)),
      ];
      if (write.newGoals.length > 0) {
        // New goals count against the plan's limit: the limit row is written under the version read
        // here, so a goal created through the plan meanwhile makes this transaction fail (and the reverse).
        let seen: string | undefined;
        try {
          seen = (await plans.getEntity(pk, GOAL_LIMIT_KEY, { queryOptions: { select: ['RowKey'] } })).etag;
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
        const limitRow = { partitionKey: pk, rowKey: GOAL_LIMIT_KEY, kind: 'limit' };
        actions.push(seen === undefined ? ['create', limitRow] : ['update', limitRow, 'Replace', { etag: seen }]);
        actions.push(...write.newGoals.flatMap((g) => goalCreateActions(g.goal, g.revision)));
      }
      if (write.repair) actions.push(['create', toRow(pk, key.repair(cycleEnd), write.repair, { kind: 'repair', ...columns })]);
      if (write.offer)
        actions.push([
          'create',
          toRow(pk, key.offer(cycleEnd), write.offer, { kind: 'mentoroffer', personId: write.offer.personId, ...columns }),
        ]);
      // The program's index of requests first (see programRequestTable.ts): a decision that then fails leaves only a hint that is skipped.
      const indexed = { tenantId: m.tenantId, programId: m.programId };
      if (write.repair)
        await indexRequest(tables, m.id, key.repair(cycleEnd), {
          ...indexed,
          personId: write.repair.requestedBy,
          at: write.repair.requestedAt,
        });
      if (write.offer)
        await indexRequest(tables, m.id, key.offer(cycleEnd), { ...indexed, personId: write.offer.personId, at: write.offer.offeredAt });
      try {
        const res = await plans.submitTransaction(actions);
        // Sub-responses come in the order of the actions; the pair is the first.
        const etag = res.subResponses[0]?.etag?.trim() || (await plans.getEntity(pk, 'pair')).etag || '';
        return ok({ value: m, etag });
      } catch (e) {
        if (isConflict(e) || statusOf(e) === 412 || statusOf(e) === 409)
          return fail('conflict', 'Someone changed this plan or decided its renewal after you opened it. Review it and decide again.', {
            current: fromRow(z.object({ mentorship: mentorshipSchema }).passthrough(), await plans.getEntity(pk, 'pair')).value.mentorship,
          });
        throw e;
      }
    },
  };
}

/** The renewal cards that went out: `renewalnotice|{cycleEnd}|{role}`, created once (a second create conflicts). */
export function renewalNoticeTable(tables: Pick<Tables, 'plans'>): RenewalNoticeLog {
  const { plans } = tables;
  return {
    async get(pairId, cycleEnd, role) {
      try {
        return fromRow(noticeRecord, await plans.getEntity(encodeKey(pairId), key.notice(cycleEnd, role))).value as RenewalNoticeRecord;
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
    async record(notice) {
      const valid = noticeRecord.parse(notice) as RenewalNoticeRecord;
      try {
        await plans.createEntity(
          toRow(encodeKey(valid.pairId), key.notice(valid.cycleEnd, valid.role), valid, {
            kind: 'renewalnotice',
            tenantId: valid.tenantId,
          }),
        );
        return ok(valid);
      } catch (e) {
        if (isConflict(e)) return fail('conflict', 'This renewal card was sent already.');
        throw e;
      }
    },
  };
}
