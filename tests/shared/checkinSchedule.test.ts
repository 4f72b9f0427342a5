import { describe, expect, it } from 'vitest';
import {
  checkInForDate,
  checkInTimeOfDay,
  followingCheckIn,
  isMissed,
  nextCheckIn,
  snooze,
  type CheckInSchedule,
} from '../../shared/checkins/schedule';
import { defaultWorkingHours } from '../../shared/person';

// Expected UTC instants were worked out by hand from each zone's offset on that date (and checked
// against Python's zoneinfo), not by running the code under test.
const london: CheckInSchedule = {
  cadence: 'weekly',
  timeZone: 'Europe/London',
  workingHours: defaultWorkingHours,
  anchorDate: '2026-01-05',
};
const at = (iso: string) => new Date(iso);

describe('nextCheckIn, weekly', () => {
  it('is the current week’s Monday 09:00 while that is still ahead', () => {
    expect(nextCheckIn({ ...london, now: at('2026-11-16T08:59:00Z') })).toEqual({ slot: '2026-11-16', dueAt: '2026-11-16T09:00:00.000Z' });
  });

  it('is still the current week’s slot at its exact due time, and the next week’s a moment later', () => {
    expect(nextCheckIn({ ...london, now: at('2026-11-16T09:00:00.000Z') }).slot).toBe('2026-11-16');
    expect(nextCheckIn({ ...london, now: at('2026-11-16T09:00:00.001Z') })).toEqual({
      slot: '2026-11-23',
      dueAt: '2026-11-23T09:00:00.000Z',
    });
  });

  it('rolls over to the next week once this week’s slot has passed', () => {
    expect(nextCheckIn({ ...london, now: at('2026-11-18T12:00:00Z') })).toEqual({ slot: '2026-11-23', dueAt: '2026-11-23T09:00:00.000Z' });
  });

  it('names a week that straddles the new year by its Monday', () => {
    expect(nextCheckIn({ ...london, now: at('2026-12-22T12:00:00Z') })).toEqual({ slot: '2026-12-28', dueAt: '2026-12-28T09:00:00.000Z' });
  });

  it('reads the week in the mentee’s zone: Monday 00:30 in Kolkata is still Sunday in London', () => {
    const kolkata = { ...london, timeZone: 'Asia/Kolkata' };
    // 2026-11-22T19:00Z is Monday 2026-11-23 00:30 in Kolkata; 09:00 IST is 03:30Z.
    expect(nextCheckIn({ ...kolkata, now: at('2026-11-22T19:00:00Z') })).toEqual({ slot: '2026-11-23', dueAt: '2026-11-23T03:30:00.000Z' });
  });
});

describe('nextCheckIn, every two weeks', () => {
  // The pair started on Wednesday 2026-11-04, so periods begin on Mondays 2026-11-02, 11-16, 11-30...
  const biweekly: CheckInSchedule = { ...london, cadence: 'biweekly', anchorDate: '2026-11-04' };

  it('keeps the rhythm of the anchor’s week', () => {
    expect(nextCheckIn({ ...biweekly, now: at('2026-11-10T12:00:00Z') })).toEqual({
      slot: '2026-11-16',
      dueAt: '2026-11-16T09:00:00.000Z',
    });
    expect(nextCheckIn({ ...biweekly, now: at('2026-11-16T08:00:00Z') })).toEqual({
      slot: '2026-11-16',
      dueAt: '2026-11-16T09:00:00.000Z',
    });
    expect(nextCheckIn({ ...biweekly, now: at('2026-11-20T12:00:00Z') })).toEqual({
      slot: '2026-11-30',
      dueAt: '2026-11-30T09:00:00.000Z',
    });
  });

  it('keeps the rhythm across the new year', () => {
    // 65 days after 2026-11-02: the period that began 2026-12-28, whose Monday has passed.
    expect(nextCheckIn({ ...biweekly, now: at('2027-01-06T12:00:00Z') })).toEqual({
      slot: '2027-01-11',
      dueAt: '2027-01-11T09:00:00.000Z',
    });
  });

  it('asks nothing before the pair starts', () => {
    // The first period's Monday (2026-11-02) is before the start date 2026-11-04.
    expect(nextCheckIn({ ...biweekly, now: at('2026-10-20T12:00:00Z') })).toEqual({
      slot: '2026-11-16',
      dueAt: '2026-11-16T09:00:00.000Z',
    });
  });
});

describe('nextCheckIn, monthly', () => {
  const monthly: CheckInSchedule = { ...london, cadence: 'monthly' };

  it('is the first working day of the month: Monday 2 November, as the 1st is a Sunday', () => {
    expect(nextCheckIn({ ...monthly, now: at('2026-10-15T12:00:00Z') })).toEqual({ slot: '2026-11-01', dueAt: '2026-11-02T09:00:00.000Z' });
  });

  it('rolls over to the next month, and into the next year', () => {
    expect(nextCheckIn({ ...monthly, now: at('2026-11-02T10:00:00Z') })).toEqual({ slot: '2026-12-01', dueAt: '2026-12-01T09:00:00.000Z' });
    expect(nextCheckIn({ ...monthly, now: at('2026-12-15T10:00:00Z') })).toEqual({ slot: '2027-01-01', dueAt: '2027-01-01T09:00:00.000Z' });
  });
});

describe('the check-in time of day', () => {
  it('is 09:00 inside working hours, else the start of them', () => {
    expect(checkInTimeOfDay({ start: '09:00', end: '17:00' })).toBe('09:00');
    expect(checkInTimeOfDay({ start: '08:00', end: '09:30' })).toBe('09:00');
    expect(checkInTimeOfDay({ start: '10:00', end: '18:30' })).toBe('10:00');
    expect(checkInTimeOfDay({ start: '06:00', end: '09:00' })).toBe('06:00');
    expect(checkInTimeOfDay({ start: '13:00', end: '21:00' })).toBe('13:00');
  });

  it('puts a late starter’s check-in at 10:00 local', () => {
    const late = { ...london, workingHours: { start: '10:00', end: '18:30', days: [1, 2, 3, 4, 5] } };
    expect(nextCheckIn({ ...late, now: at('2026-11-18T12:00:00Z') })).toEqual({ slot: '2026-11-23', dueAt: '2026-11-23T10:00:00.000Z' });
  });
});

describe('non-working days', () => {
  it('skips to the first working day of the week', () => {
    const tuesdayToSaturday = { ...london, workingHours: { ...defaultWorkingHours, days: [2, 3, 4, 5, 6] } };
    expect(nextCheckIn({ ...tuesdayToSaturday, now: at('2026-11-18T12:00:00Z') })).toEqual({
      slot: '2026-11-23',
      dueAt: '2026-11-24T09:00:00.000Z',
    });
  });

  it('lands on Saturday for someone who works weekends only', () => {
    const weekends = { ...london, workingHours: { ...defaultWorkingHours, days: [6, 7] } };
    expect(nextCheckIn({ ...weekends, now: at('2026-11-16T12:00:00Z') })).toEqual({
      slot: '2026-11-16',
      dueAt: '2026-11-21T09:00:00.000Z',
    });
  });
});

describe('daylight saving', () => {
  it('keeps 09:00 local in London across the spring switch (29 March 2026)', () => {
    expect(nextCheckIn({ ...london, now: at('2026-03-20T12:00:00Z') })).toEqual({ slot: '2026-03-23', dueAt: '2026-03-23T09:00:00.000Z' });
    expect(nextCheckIn({ ...london, now: at('2026-03-24T12:00:00Z') })).toEqual({ slot: '2026-03-30', dueAt: '2026-03-30T08:00:00.000Z' });
  });

  it('uses the new offset when the switch happens earlier the same day', () => {
    const sundays = { ...london, workingHours: { ...defaultWorkingHours, days: [7] } };
    expect(nextCheckIn({ ...sundays, now: at('2026-03-24T12:00:00Z') })).toEqual({ slot: '2026-03-23', dueAt: '2026-03-29T08:00:00.000Z' });
  });

  it('keeps 09:00 local in London across the autumn switch (25 October 2026)', () => {
    expect(nextCheckIn({ ...london, now: at('2026-10-14T12:00:00Z') })).toEqual({ slot: '2026-10-19', dueAt: '2026-10-19T08:00:00.000Z' });
    expect(nextCheckIn({ ...london, now: at('2026-10-20T12:00:00Z') })).toEqual({ slot: '2026-10-26', dueAt: '2026-10-26T09:00:00.000Z' });
  });

  const losAngeles = { ...london, timeZone: 'America/Los_Angeles' };

  it('keeps 09:00 local in Los Angeles across the spring switch (8 March 2026)', () => {
    expect(nextCheckIn({ ...losAngeles, now: at('2026-02-25T12:00:00Z') })).toEqual({
      slot: '2026-03-02',
      dueAt: '2026-03-02T17:00:00.000Z',
    });
    expect(nextCheckIn({ ...losAngeles, now: at('2026-03-03T12:00:00Z') })).toEqual({
      slot: '2026-03-09',
      dueAt: '2026-03-09T16:00:00.000Z',
    });
  });

  it('keeps 09:00 local in Los Angeles across the autumn switch (1 November 2026)', () => {
    expect(nextCheckIn({ ...losAngeles, now: at('2026-10-21T12:00:00Z') })).toEqual({
      slot: '2026-10-26',
      dueAt: '2026-10-26T16:00:00.000Z',
    });
    expect(nextCheckIn({ ...losAngeles, now: at('2026-10-27T12:00:00Z') })).toEqual({
      slot: '2026-11-02',
      dueAt: '2026-11-02T17:00:00.000Z',
    });
  });

  it('moves a time that does not exist forward by the gap: 02:30 on 8 March becomes 03:30 PDT', () => {
    const nightShift = { ...losAngeles, workingHours: { start: '02:30', end: '08:00', days: [7] } };
    expect(nextCheckIn({ ...nightShift, now: at('2026-03-03T00:00:00Z') })).toEqual({
      slot: '2026-03-02',
      dueAt: '2026-03-08T10:30:00.000Z',
    });
  });
});

describe('offsets that are not whole hours', () => {
  it('Asia/Kolkata, +05:30', () => {
    const kolkata = { ...london, timeZone: 'Asia/Kolkata' };
    expect(nextCheckIn({ ...kolkata, now: at('2026-11-18T12:00:00Z') })).toEqual({ slot: '2026-11-23', dueAt: '2026-11-23T03:30:00.000Z' });
  });

  const chatham = { ...london, timeZone: 'Pacific/Chatham' };

  it('Pacific/Chatham in winter, +12:45: Monday 09:00 local is Sunday 20:15 UTC', () => {
    expect(nextCheckIn({ ...chatham, now: at('2026-07-01T00:00:00Z') })).toEqual({ slot: '2026-07-06', dueAt: '2026-07-05T20:15:00.000Z' });
  });

  it('Pacific/Chatham in summer, +13:45', () => {
    expect(nextCheckIn({ ...chatham, now: at('2026-01-07T00:00:00Z') })).toEqual({ slot: '2026-01-12', dueAt: '2026-01-11T19:15:00.000Z' });
  });

  it('Pacific/Chatham across the end of its summer time (5 April 2026)', () => {
    expect(nextCheckIn({ ...chatham, now: at('2026-03-25T00:00:00Z') })).toEqual({ slot: '2026-03-30', dueAt: '2026-03-29T19:15:00.000Z' });
    expect(nextCheckIn({ ...chatham, now: at('2026-03-31T00:00:00Z') })).toEqual({ slot: '2026-04-06', dueAt: '2026-04-05T20:15:00.000Z' });
  });
});

describe('pause', () => {
  const now = at('2026-11-18T12:00:00Z');

  it('skips every check-in due before the pause ends', () => {
    // The week of 7 December is due Monday the 7th, before the pause ends on Wednesday the 9th.
    expect(nextCheckIn({ ...london, now, pausedUntil: '2026-12-09' })).toEqual({ slot: '2026-12-14', dueAt: '2026-12-14T09:00:00.000Z' });
  });

  it('keeps a check-in due on the day the pause ends', () => {
    expect(nextCheckIn({ ...london, now, pausedUntil: '2026-12-07' })).toEqual({ slot: '2026-12-07', dueAt: '2026-12-07T09:00:00.000Z' });
  });

  it('changes nothing once it is over', () => {
    expect(nextCheckIn({ ...london, now, pausedUntil: '2026-11-01' })).toEqual({ slot: '2026-11-23', dueAt: '2026-11-23T09:00:00.000Z' });
  });

  it('skips a whole month when the month’s check-in falls inside it', () => {
    const monthly = { ...london, cadence: 'monthly' as const };
    expect(nextCheckIn({ ...monthly, now, pausedUntil: '2027-02-15' })).toEqual({ slot: '2027-03-01', dueAt: '2027-03-01T09:00:00.000Z' });
  });
});

describe('snooze', () => {
  it('moves the due time by a day or a week', () => {
    expect(snooze('2026-11-23T09:00:00.000Z', 'day', 'Europe/London')).toBe('2026-11-24T09:00:00.000Z');
    expect(snooze('2026-11-23T09:00:00.000Z', 'week', 'Europe/London')).toBe('2026-11-30T09:00:00.000Z');
  });

  it('keeps the local time across a daylight-saving change', () => {
    expect(snooze('2026-03-23T09:00:00.000Z', 'week', 'Europe/London')).toBe('2026-03-30T08:00:00.000Z');
    expect(snooze('2026-10-31T16:00:00.000Z', 'day', 'America/Los_Angeles')).toBe('2026-11-01T17:00:00.000Z');
  });
});

describe('slots around a slot', () => {
  it('finds the check-in of the period holding a date, and the one after a slot', () => {
    expect(checkInForDate(london, '2026-11-18')).toEqual({ slot: '2026-11-16', dueAt: '2026-11-16T09:00:00.000Z' });
    expect(followingCheckIn(london, '2026-11-16')).toEqual({ slot: '2026-11-23', dueAt: '2026-11-23T09:00:00.000Z' });
    expect(followingCheckIn({ ...london, cadence: 'monthly' }, '2026-11-01')).toEqual({
      slot: '2026-12-01',
      dueAt: '2026-12-01T09:00:00.000Z',
    });
  });
});

describe('isMissed', () => {
  const due = '2026-11-16T09:00:00.000Z';
  const next = '2026-11-23T09:00:00.000Z';

  it('is missed when unanswered once the next check-in is due', () => {
    expect(isMissed(due, next, false, at('2026-11-23T08:59:59.999Z'))).toBe(false);
    expect(isMissed(due, next, false, at('2026-11-23T09:00:00.000Z'))).toBe(true);
  });

  it('is never missed when answered', () => {
    expect(isMissed(due, next, true, at('2026-12-01T00:00:00Z'))).toBe(false);
  });

  it('is not missed before a snoozed check-in was even due', () => {
    expect(isMissed('2026-11-24T09:00:00.000Z', next, false, at('2026-11-23T12:00:00Z'))).toBe(false);
    expect(isMissed('2026-11-24T09:00:00.000Z', next, false, at('2026-11-24T09:00:00Z'))).toBe(true);
  });
});
