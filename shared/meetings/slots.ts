import { addDays } from '../dates';
import type { WorkingHours } from '../person';
import { isoWeekday, zonedDate, zonedInstant } from '../zonedTime';

/** Where and when a person works: an IANA time zone and working hours on that zone's clock. */
export interface Availability {
  timeZone: string;
  workingHours: WorkingHours;
}

/** A suggested meeting, as UTC instants (`Date.toISOString()`). */
export interface MeetingSlot {
  start: string;
  end: string;
}

export interface MeetingSlotsInput {
  mentor: Availability;
  mentee: Availability;
  /** The earliest start. */
  from: Date;
  /** How far ahead to look: the whole meeting ends within `days` × 24 hours of `from`. */
  days: number;
  lengthMinutes: number;
  count: number;
  stepMinutes?: number;
}

/** A span of time in epoch milliseconds, `end` excluded. */
interface Interval {
  start: number;
  end: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * A person's working intervals that touch [from, to]. Each local working day is placed on the
 * timeline through the person's zone, so 09:00 is 09:00 local before and after a daylight-saving
 * change; a start inside a spring-forward gap moves forward by the gap.
 */
function workingIntervals(who: Availability, from: number, to: number): Interval[] {
  const { start, end, days } = who.workingHours;
  const intervals: Interval[] = [];
  // Working hours start and end on the same local day, so the local days from the one holding
  // `from` to the one holding `to` cover every interval that can touch the window.
  for (let date = zonedDate(who.timeZone, from); zonedInstant(who.timeZone, date, '00:00') <= to; date = addDays(date, 1)) {
    if (!days.includes(isoWeekday(date))) continue;
    const interval = { start: zonedInstant(who.timeZone, date, start), end: zonedInstant(who.timeZone, date, end) };
    if (interval.end > from && interval.start < to) intervals.push(interval);
  }
  return intervals;
}

/** Where two sorted lists of disjoint intervals overlap, in order. */
function overlaps(a: Interval[], b: Interval[]): Interval[] {
  const shared: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) shared.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return shared;
}

/** Minutes a week both people are at work, counted over the seven days that start at `from`. */
export function weeklyOverlapMinutes(a: Availability, b: Availability, from: Date): number {
  const start = from.getTime();
  const shared = overlaps(workingIntervals(a, start, start + 7 * DAY), workingIntervals(b, start, start + 7 * DAY));
  return shared.reduce((sum, s) => sum + (Math.min(s.end, start + 7 * DAY) - Math.max(s.start, start)) / MINUTE, 0);
}

/**
 * Meeting slots that lie wholly inside both people's working hours, on each one's own working days
 * and clock, earliest first. Starts step from the beginning of each shared stretch, so they line up
 * with whoever starts later (09:00 on their clock, not :15 for a +12:45 zone); a stretch that is
 * already under way continues at its first step at or after `from`. None when the hours never meet.
 */
export function suggestMeetingSlots(input: MeetingSlotsInput): MeetingSlot[] {
  const { lengthMinutes, count, stepMinutes = 30 } = input;
  if (!(lengthMinutes > 0) || !(stepMinutes > 0)) throw new RangeError('Meeting length and step must be positive.');
  const from = input.from.getTime();
  const to = from + input.days * DAY;
  const length = lengthMinutes * MINUTE;
  const step = stepMinutes * MINUTE;

  const slots: MeetingSlot[] = [];
  const shared = overlaps(workingIntervals(input.mentor, from, to), workingIntervals(input.mentee, from, to));
  for (const stretch of shared) {
    const stepsUntilFrom = Math.max(0, Math.ceil((from - stretch.start) / step));
    for (let start = stretch.start + stepsUntilFrom * step; start + length <= Math.min(stretch.end, to); start += step) {
      if (slots.length >= count) return slots;
      slots.push({ start: new Date(start).toISOString(), end: new Date(start + length).toISOString() });
    }
  }
  return slots;
}
