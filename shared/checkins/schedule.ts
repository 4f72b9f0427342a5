import { DateTime } from 'luxon';
import { z } from 'zod';
import type { IsoDate } from '../dates';
import type { WorkingHours } from '../person';
import type { Cadence } from '../program';
import { datesOf, isoWeekday, periodAfter, periodContaining, type CheckInPeriod } from './periods';

export type { CheckInPeriod } from './periods';

/** What decides when a pair's check-ins fall: the pair's cadence and the mentee's clock. */
export interface CheckInSchedule {
  cadence: Cadence;
  /** The mentee's IANA time zone: check-ins arrive at the mentee's local time. */
  timeZone: string;
  /** The mentee's working hours. */
  workingHours: WorkingHours;
  /** The pair's start date (local): biweekly periods count from its week; nothing is due before it. */
  anchorDate: IsoDate;
}

/**
 * One check-in. `slot` names its period: the period's first local date, `YYYY-MM-DD` (the Monday of
 * the week or of the two-week pair, the 1st of the month). Such keys sort chronologically as text,
 * also across a change of cadence, and hold none of the characters Table keys forbid (`/ \ # ?`).
 * `dueAt` is a UTC instant (`Date.toISOString()`).
 */
export interface CheckInSlot {
  slot: IsoDate;
  dueAt: string;
}

export const DEFAULT_CHECK_IN_TIME = '09:00';

/** 09:00 local, unless that is outside the person's working hours: then the start of them. */
export const checkInTimeOfDay = (hours: Pick<WorkingHours, 'start' | 'end'>): string =>
  hours.start <= DEFAULT_CHECK_IN_TIME && DEFAULT_CHECK_IN_TIME < hours.end ? DEFAULT_CHECK_IN_TIME : hours.start;

function localInstant(date: IsoDate, time: string, timeZone: string): DateTime {
  // A wall time that does not exist (a spring-forward gap) moves forward by the gap: 02:30 on the
  // night clocks go from 02:00 to 03:00 becomes 03:30.
  const instant = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  if (!instant.isValid) throw new RangeError(`Cannot place ${date} ${time} in ${timeZone}: ${instant.invalidReason}`);
  return instant;
}

const utcIso = (instant: DateTime): string => instant.toUTC().toJSDate().toISOString();

function localDateOf(instant: Date, timeZone: string): IsoDate {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`Cannot read the date in ${timeZone}: ${local.invalidReason}`);
  return local.toFormat('yyyy-MM-dd');
}

const latestDate = (...dates: (IsoDate | undefined)[]): IsoDate =>
  dates.reduce<IsoDate>((latest, d) => (d !== undefined && d > latest ? d : latest), '');

/** The check-in of a period: its first working day, at the check-in time of day. */
export function checkInOfPeriod(schedule: CheckInSchedule, period: CheckInPeriod): CheckInSlot {
  const day = datesOf(period).find((date) => schedule.workingHours.days.includes(isoWeekday(date)));
  // Every period spans at least a whole week, so this only fails for hours without working days.
  if (!day) throw new RangeError('Working hours name no working day.');
  const dueAt = localInstant(day, checkInTimeOfDay(schedule.workingHours), schedule.timeZone);
  return { slot: period.start, dueAt: utcIso(dueAt) };
}

/** The check-in of the period that contains a local date (or a slot key, which is one). */
export const checkInForDate = (schedule: CheckInSchedule, date: IsoDate): CheckInSlot =>
  checkInOfPeriod(schedule, periodContaining(schedule.cadence, schedule.anchorDate, date));

/** The check-in after a slot: what decides whether that slot was missed. */
export const followingCheckIn = (schedule: CheckInSchedule, slot: IsoDate): CheckInSlot =>
  checkInOfPeriod(
    schedule,
    periodAfter(schedule.cadence, schedule.anchorDate, periodContaining(schedule.cadence, schedule.anchorDate, slot)),
  );

export interface NextCheckInInput extends CheckInSchedule {
  now: Date;
  /** A pause: the first local date on which a check-in may be due again. Earlier ones are skipped. */
  pausedUntil?: IsoDate;
}

/**
 * The next check-in due at or after `now`. A check-in whose due time has passed belongs to the
 * past, so the answer is then the next period's. Check-ins due on a local date before the pause
 * ends or before the pair starts are skipped, not moved.
 */
export function nextCheckIn(input: NextCheckInInput): CheckInSlot {
  const today = localDateOf(input.now, input.timeZone);
  const notBefore = latestDate(today, input.anchorDate, input.pausedUntil);
  const isStillAhead = (c: CheckInSlot) =>
    Date.parse(c.dueAt) >= input.now.getTime() && localDateOf(new Date(c.dueAt), input.timeZone) >= notBefore;

  const period = periodContaining(input.cadence, input.anchorDate, notBefore);
  const current = checkInOfPeriod(input, period);
  if (isStillAhead(current)) return current;
  // The following period starts after both today and `notBefore`, so its check-in always qualifies.
  return checkInOfPeriod(input, periodAfter(input.cadence, input.anchorDate, period));
}

export const snoozeLength = z.enum(['day', 'week']);
export type SnoozeLength = z.infer<typeof snoozeLength>;

/**
 * A snoozed check-in keeps its slot; only its due time moves, by a day or a week of the mentee's
 * calendar, so 09:00 stays 09:00 local across a daylight-saving change.
 */
export function snooze(dueAt: string, length: SnoozeLength, timeZone: string): string {
  const due = DateTime.fromISO(dueAt, { zone: timeZone });
  if (!due.isValid) throw new RangeError(`Cannot snooze ${dueAt} in ${timeZone}: ${due.invalidReason}`);
  return utcIso(due.plus(length === 'day' ? { days: 1 } : { weeks: 1 }));
}

/**
 * A check-in not answered by the time the next one is due is missed. A snooze can push a slot's own
 * due time that far, so it also has to have been due: nobody misses what was not asked yet.
 */
export function isMissed(slotDueAt: string, nextSlotDueAt: string, answered: boolean, now: Date): boolean {
  if (answered) return false;
  const t = now.getTime();
  return t >= Date.parse(nextSlotDueAt) && t >= Date.parse(slotDueAt);
}
