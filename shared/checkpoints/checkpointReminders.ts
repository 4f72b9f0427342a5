// When each person is reminded of a checkpoint: `REMIND_DAYS_BEFORE` days ahead, at their own check-in
// time of day (09:00 local, or the start of their working hours), in their own time zone.
import { DateTime } from 'luxon';
import { addDays, todayIn, type IsoDate } from '../dates';
import { checkInTimeOfDay } from '../checkins/schedule';
import type { Mentorship, PairRole } from '../mentorship';
import type { WorkingHours } from '../person';
import { checkpointPeriod, nextCheckpoint, REMIND_DAYS_BEFORE, type CheckpointPeriod } from './checkpoint';

const localInstant = (date: IsoDate, time: string, timeZone: string): DateTime => {
  const instant = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  if (!instant.isValid) throw new RangeError(`Cannot place ${date} ${time} in ${timeZone}: ${instant.invalidReason}`);
  return instant;
};

/** The UTC instant a person is reminded of the checkpoint due on `dueDate`. */
export function checkpointReminderAt(dueDate: IsoDate, person: { timeZone: string; workingHours: WorkingHours }): string {
  const instant = localInstant(addDays(dueDate, -REMIND_DAYS_BEFORE), checkInTimeOfDay(person.workingHours), person.timeZone);
  return instant.toUTC().toJSDate().toISOString();
}

/** The review meeting's start and end on the checkpoint's date, at the person's check-in time, with their offset. */
export function checkpointMeetingTimes(
  dueDate: IsoDate,
  person: { timeZone: string; workingHours: WorkingHours },
  minutes: number,
): { startTime: string; endTime: string } {
  const start = localInstant(dueDate, checkInTimeOfDay(person.workingHours), person.timeZone);
  return {
    startTime: start.toISO({ suppressMilliseconds: true })!,
    endTime: start.plus({ minutes }).toISO({ suppressMilliseconds: true })!,
  };
}

/** A reminder to file: the checkpoint, whom, and when. */
export interface PlannedCheckpointReminder {
  role: PairRole;
  period: CheckpointPeriod;
  dueAt: string;
}

/**
 * The next reminder of one person: for the first checkpoint on or after their today, unless that
 * one's reminder went out already (then the one after).
 */
export function nextCheckpointReminder(
  pair: Pick<Mentorship, 'startDate' | 'agreement'>,
  intervalMonths: number,
  role: PairRole,
  now: Date,
  alreadySent: (dueDate: IsoDate) => boolean,
): PlannedCheckpointReminder {
  const person = pair.agreement[role];
  let period = nextCheckpoint(pair.startDate, intervalMonths, todayIn(person.timeZone, now));
  if (alreadySent(period.dueDate)) period = checkpointPeriod(pair.startDate, intervalMonths, period.number + 1);
  return { role, period, dueAt: checkpointReminderAt(period.dueDate, person) };
}
