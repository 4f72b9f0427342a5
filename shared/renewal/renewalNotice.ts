// The renewal card (capability 12): each person of an open pair is told, two weeks before the
// program's cycle ends, that the cycle ends and the renewal is open; once per person and cycle. It
// goes out at their own check-in time of day (09:00, or the start of their working hours), in their
// own time zone, on the day the renewal opens.
import { DateTime } from 'luxon';
import { checkInTimeOfDay } from '../checkins/schedule';
import type { IsoDate } from '../dates';
import type { Mentorship, PairRole } from '../mentorship';
import type { WorkingHours } from '../person';
import type { Result } from '../result';
import { renewalOpensOn } from './renewal';

/** The UTC instant a person gets the renewal card of the cycle ending on `cycleEnd`. */
export function renewalNoticeAt(cycleEnd: IsoDate, person: { timeZone: string; workingHours: WorkingHours }): string {
  const instant = DateTime.fromISO(`${renewalOpensOn(cycleEnd)}T${checkInTimeOfDay(person.workingHours)}`, { zone: person.timeZone });
  if (!instant.isValid) throw new RangeError(`Cannot place the renewal of ${cycleEnd} in ${person.timeZone}: ${instant.invalidReason}`);
  return instant.toUTC().toJSDate().toISOString();
}

/** Whether a pair gets renewal cards: an open pair (active or paused); an ended one has nothing to renew. */
export const pairGetsRenewalNotice = (pair: Pick<Mentorship, 'status'>): boolean => pair.status === 'active' || pair.status === 'paused';

/** That a renewal card went out: row `renewalnotice|{cycleEnd}|{role}` in the pair's partition (sent once). */
export interface RenewalNoticeRecord {
  tenantId: string;
  pairId: string;
  cycleEnd: IsoDate;
  role: PairRole;
  sentAt: string;
}

export interface RenewalNoticeLog {
  get(pairId: string, cycleEnd: IsoDate, role: PairRole): Promise<RenewalNoticeRecord | undefined>;
  /** A second record of the same card is a `conflict`. */
  record(notice: RenewalNoticeRecord): Promise<Result<RenewalNoticeRecord>>;
}
