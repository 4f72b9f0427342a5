// A pair's check-in schedule: row "checkin-schedule" in the pair's partition of Plans, plus its
// next due time filed in the due index (CheckInsDue). See tables.ts for both key schemes.
//
// Order of writes: the index row first, then the schedule row under its ETag, then the old index
// row is dropped. A crash in between leaves at worst an index row the schedule does not plan, which
// the sender deletes when it meets it; never a planned check-in the index does not know.
import { checkInScheduleState, type CheckInScheduleState } from '../../shared/checkins/checkInScheduling';
import type { CheckInScheduleRepository } from '../../shared/repositories';
import { fail, ok, type Result, type Versioned } from '../../shared/result';
import type { CheckInDueIndex } from './checkInDueTable';
import { fromRow, isConflict, isNotFound, toRow, ifMatch } from './entityCodec';
import { encodeKey, type Tables } from './tables';

export const SCHEDULE_RK = 'checkin-schedule';

export function checkInScheduleTable(tables: Pick<Tables, 'plans'>, due: CheckInDueIndex): CheckInScheduleRepository {
  const { plans } = tables;

  async function get(pairId: string): Promise<Versioned<CheckInScheduleState> | undefined> {
    try {
      return fromRow(checkInScheduleState, await plans.getEntity(encodeKey(pairId), SCHEDULE_RK));
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  return {
    get,

    async save(schedule, previous): Promise<Result<Versioned<CheckInScheduleState>>> {
      const value = checkInScheduleState.parse(schedule);
      const etag = previous?.etag;
      if (value.nextSlot && value.nextDueAt) await due.file({ pairId: value.pairId, slot: value.nextSlot, dueAt: value.nextDueAt });
      const row = toRow(encodeKey(value.pairId), SCHEDULE_RK, value, { kind: 'checkin-schedule', nextDueAt: value.nextDueAt ?? '' });
      let newEtag: string;
      try {
        const res = etag === undefined ? await plans.createEntity(row) : await plans.updateEntity(row, 'Replace', ifMatch(etag));
        newEtag = res.etag ?? '';
      } catch (e) {
        if (isConflict(e)) return fail('conflict', 'The check-in schedule changed meanwhile.', { current: await get(value.pairId) });
        if (isNotFound(e)) return fail('conflict', 'The check-in schedule was removed meanwhile.');
        throw e;
      }
      const old = previous?.value;
      if (old?.nextDueAt && old.nextDueAt !== value.nextDueAt) await due.forget({ pairId: old.pairId, dueAt: old.nextDueAt });
      return ok({ value, etag: newEtag });
    },
  };
}
