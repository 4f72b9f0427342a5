import { DateTime } from 'luxon';
import type { IsoDate } from '../dates';
import type { Cadence } from '../program';

/**
 * A check-in period: local calendar dates in the mentee's zone, `start` included, `end` excluded
 * (`end` is the next period's `start`).
 */
export interface CheckInPeriod {
  start: IsoDate;
  end: IsoDate;
}

// Periods are pure calendar arithmetic on local dates. Luxon's UTC zone serves only as a calendar
// without daylight saving, so a "day" is always one date; it never stands for a place.
function calendarDay(date: IsoDate): DateTime {
  const day = DateTime.fromISO(date, { zone: 'utc' });
  if (!day.isValid) throw new RangeError(`Not a calendar date: ${date}`);
  return day;
}

const toIsoDate = (day: DateTime): IsoDate => day.toFormat('yyyy-MM-dd');

function periodStart(cadence: Cadence, anchorDate: IsoDate, day: DateTime): DateTime {
  switch (cadence) {
    case 'weekly':
      // Luxon's weeks are ISO weeks: they start on Monday whatever the locale.
      return day.startOf('week');
    case 'biweekly': {
      // Pairs of ISO weeks counted from the anchor's week, so the rhythm never drifts with the
      // year or with when the schedule is computed.
      const anchorMonday = calendarDay(anchorDate).startOf('week');
      const daysSinceAnchor = Math.round(day.diff(anchorMonday, 'days').days);
      return anchorMonday.plus({ days: 14 * Math.floor(daysSinceAnchor / 14) });
    }
    case 'monthly':
      return day.startOf('month');
  }
}

const periodLength = { weekly: { weeks: 1 }, biweekly: { weeks: 2 }, monthly: { months: 1 } } as const;

/** The period of `cadence` that contains the local date `date`. */
export function periodContaining(cadence: Cadence, anchorDate: IsoDate, date: IsoDate): CheckInPeriod {
  const start = periodStart(cadence, anchorDate, calendarDay(date));
  return { start: toIsoDate(start), end: toIsoDate(start.plus(periodLength[cadence])) };
}

export const periodAfter = (cadence: Cadence, anchorDate: IsoDate, period: CheckInPeriod): CheckInPeriod =>
  periodContaining(cadence, anchorDate, period.end);

/** The ISO weekday (1 = Monday ... 7 = Sunday) of a local date. */
export const isoWeekday = (date: IsoDate): number => calendarDay(date).weekday;

/** The local dates of a period, in order. */
export function datesOf(period: CheckInPeriod): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let day = calendarDay(period.start); toIsoDate(day) < period.end; day = day.plus({ days: 1 })) {
    dates.push(toIsoDate(day));
  }
  return dates;
}
