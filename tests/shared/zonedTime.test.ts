import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isoWeekday, zonedDate, zonedInstant, zoneOffsetAt } from '../../shared/zonedTime';

const zones = ['UTC', 'Europe/London', 'America/Los_Angeles', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];
const zone = fc.constantFrom(...zones);
// 2020-01-01 to 2031-01-01: several daylight-saving switches in every zone that has them.
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2031, 0, 1) });
const wallTime = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

describe('zoned time through Intl', () => {
  it('gives the same offset and calendar date as luxon at any instant', () => {
    fc.assert(
      fc.property(zone, instant, (z, ms) => {
        const luxon = DateTime.fromMillis(ms, { zone: z });
        expect(zoneOffsetAt(z, ms)).toBe(luxon.offset * 60_000);
        expect(zonedDate(z, ms)).toBe(luxon.toISODate());
        expect(isoWeekday(zonedDate(z, ms))).toBe(luxon.weekday);
      }),
    );
  });

  it('turns a local date and time into the instant that shows that wall time in the zone', () => {
    fc.assert(
      fc.property(zone, instant, wallTime, (z, ms, time) => {
        const date = zonedDate(z, ms);
        const at = DateTime.fromMillis(zonedInstant(z, date, time), { zone: z });
        // Outside a spring-forward gap the wall time is exactly the one asked for.
        const inGap = DateTime.fromISO(`${date}T${time}`, { zone: z }).toFormat('HH:mm') !== time;
        if (!inGap) expect(`${at.toISODate()}T${at.toFormat('HH:mm')}`).toBe(`${date}T${time}`);
      }),
    );
  });

  it('moves a time inside a spring-forward gap forward by the gap, and takes the earlier of two repeated times', () => {
    // New York skipped 02:00-03:00 on 8 March 2026 and repeats 01:00-02:00 on 1 November 2026.
    expect(new Date(zonedInstant('America/New_York', '2026-03-08', '02:30')).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(new Date(zonedInstant('America/New_York', '2026-11-01', '01:30')).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // Lord Howe moves by half an hour.
    expect(new Date(zonedInstant('Australia/Lord_Howe', '2026-10-04', '02:15')).toISOString()).toBe('2026-10-03T15:45:00.000Z');
  });

  it('refuses an unknown zone', () => {
    expect(() => zonedDate('Mars/Olympus_Mons', 0)).toThrow(RangeError);
  });
});
