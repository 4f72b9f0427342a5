// Check-ins in the Plans table: rows `checkin|{slot}` in the pair's partition, next to the plan
// they report on, and the journal entry of an answer in the same partition so both are written in
// one transaction (see tables.ts for the key scheme).
import { odata, type TransactionAction } from '@azure/data-tables';
import { checkIn as checkInSchema, type CheckIn } from '../../shared/checkins/checkIn';
import type { CheckInRepository } from '../../shared/repositories';
import { fail, ok, type Result, type Versioned } from '../../shared/result';
import { fromRow, isConflict, isNotFound, toRow, ifMatch } from './entityCodec';
import { journalRow } from './journalTable';
import { encodeKey, type Tables } from './tables';

const CHECKIN_PREFIX = 'checkin|';
// Slot keys sort chronologically as text; '}' sorts right after '|', closing the prefix range.
const checkInKey = (slot: string) => `${CHECKIN_PREFIX}${encodeKey(slot)}`;

const alreadySent = <T>(): Result<T> => fail('conflict', 'This check-in was sent already.');
const changedMeanwhile = <T>(current?: Versioned<CheckIn>): Result<T> =>
  fail('conflict', 'Someone changed this check-in at the same time. Open it again and retry.', current ? { current } : {});

/** A failed transaction reports the failing operation's status on the error. */
const isTransactionConflict = (e: unknown) => {
  const status = (e as { statusCode?: number } | null)?.statusCode;
  return status === 412 || status === 409;
};

export function checkInTable(tables: Pick<Tables, 'plans'>): CheckInRepository {
  const { plans } = tables;

  async function get(pairId: string, slot: string): Promise<Versioned<CheckIn> | undefined> {
    try {
      return fromRow(checkInSchema, await plans.getEntity(encodeKey(pairId), checkInKey(slot)));
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  return {
    get,

    async list(pairId) {
      const filter = odata`PartitionKey eq ${encodeKey(pairId)} and RowKey ge ${CHECKIN_PREFIX} and RowKey lt ${'checkin}'}`;
      const out: Versioned<CheckIn>[] = [];
      for await (const row of plans.listEntities({ queryOptions: { filter } })) out.push(fromRow(checkInSchema, row));
      // Rows come oldest slot first (ascending keys); people read the newest first.
      return out.reverse();
    },

    async recordSent(value) {
      const valid = checkInSchema.parse(value);
      try {
        const res = await plans.createEntity(
          toRow(encodeKey(valid.pairId), checkInKey(valid.slot), valid, { kind: 'checkin', status: valid.status }),
        );
        return ok({ value: valid, etag: res.etag ?? '' });
      } catch (e) {
        if (isConflict(e)) return alreadySent();
        throw e;
      }
    },

    async update(value, etag, journal) {
      const valid = checkInSchema.parse(value);
      const pk = encodeKey(valid.pairId);
      const row = toRow(pk, checkInKey(valid.slot), valid, { kind: 'checkin', status: valid.status });
      try {
        if (!journal) {
          const res = await plans.updateEntity(row, 'Replace', ifMatch(etag));
          return ok({ value: valid, etag: res.etag ?? '' });
        }
        if (journal.pairId !== valid.pairId) throw new Error('A journal entry belongs to the partition of the check-in it records');
        const actions: TransactionAction[] = [
          ['update', row, 'Replace', ifMatch(etag)],
          ['create', journalRow(journal)],
        ];
        const res = await plans.submitTransaction(actions);
        // Sub-responses come in the order of the actions; the check-in is the first.
        const newEtag = res.subResponses[0]?.etag?.trim() || (await get(valid.pairId, valid.slot))?.etag || '';
        return ok({ value: valid, etag: newEtag });
      } catch (e) {
        if (isNotFound(e)) return fail('not_found', 'That check-in no longer exists.');
        if (isConflict(e) || isTransactionConflict(e)) return changedMeanwhile(await get(valid.pairId, valid.slot));
        throw e;
      }
    },
  };
}
