// Wall-clock times in an IANA time zone, through the platform's Intl (no date library: this runs in
// the tab's first view too). A local date and time become an instant the way a calendar does it:
// a time inside a spring-forward gap moves forward by the gap, an ambiguous one takes the earlier.
import type { IsoDate } from './dates';

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatterFor(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`Unknown time zone ${zone}`);
    }
    if (partsFormatters.size < 1_000) partsFormatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in milliseconds (UTC+05:30 is 19,800,000). */
export function zoneOffsetAt(zone: string, epochMs: number): number {
  const p: Record<string, number> = {};
  for (const { type, value } of partsFormatterFor(zone).formatToParts(epochMs)) if (type !== 'literal') p[type] = Number(value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

/** The calendar date in the zone at an instant. */
export function zonedDate(zone: string, epochMs: number): IsoDate {
  return new Date(epochMs + zoneOffsetAt(zone, epochMs)).toISOString().slice(0, 10);
}

/** The instant a local date and `HH:MM` time in the zone stand for. */
export function zonedInstant(zone: string, date: IsoDate, time: string): number {
  const local = Date.parse(`${date}T${time}:00Z`);
  const guess = zoneOffsetAt(zone, local);
  const first = local - guess;
  const o2 = zoneOffsetAt(zone, first);
  if (o2 === guess) return first;
  const second = local - o2;
  const o3 = zoneOffsetAt(zone, second);
  if (o3 === o2) return second;
  // In a gap: no offset gives this wall time; the earlier offset puts it just after the gap.
  return local - Math.min(o2, o3);
}

/** ISO weekday of a calendar date: 1 is Monday, 7 is Sunday. */
export function isoWeekday(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}
