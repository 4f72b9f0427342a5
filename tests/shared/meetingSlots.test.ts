import { describe, expect, it } from 'vitest';
import { meetingAgenda, MEETING_AGENDA_MAX_LENGTH, teamsMeetingDraftLink } from '../../shared/meetings/meetingLink';
import { suggestMeetingSlots, type Availability } from '../../shared/meetings/slots';

const weekdays = [1, 2, 3, 4, 5];
const person = (timeZone: string, start: string, end: string, days = weekdays): Availability => ({
  timeZone,
  workingHours: { start, end, days },
});
const slot = (start: string, end: string) => ({ start, end });

// Expected instants were worked out by hand from each zone's offset on those dates.
describe('suggestMeetingSlots', () => {
  it('finds the short Los Angeles morning overlap with London (LA 08:00-09:00 PST = 16:00-17:00 UTC)', () => {
    const slots = suggestMeetingSlots({
      mentor: person('America/Los_Angeles', '08:00', '16:00'),
      mentee: person('Europe/London', '09:00', '17:00'),
      from: new Date('2026-11-16T00:00:00Z'),
      days: 14,
      lengthMinutes: 30,
      count: 3,
    });
    expect(slots).toEqual([
      slot('2026-11-16T16:00:00.000Z', '2026-11-16T16:30:00.000Z'),
      slot('2026-11-16T16:30:00.000Z', '2026-11-16T17:00:00.000Z'),
      slot('2026-11-17T16:00:00.000Z', '2026-11-17T16:30:00.000Z'),
    ]);
  });

  it('offers one hour-long slot per shared working day and nothing on the weekend', () => {
    const slots = suggestMeetingSlots({
      mentor: person('America/Los_Angeles', '08:00', '16:00'),
      mentee: person('Europe/London', '09:00', '17:00'),
      from: new Date('2026-11-16T00:00:00Z'),
      days: 7,
      lengthMinutes: 60,
      count: 20,
    });
    expect(slots.map((s) => s.start)).toEqual(['16', '17', '18', '19', '20'].map((d) => `2026-11-${d}T16:00:00.000Z`));
  });

  it('offers nothing when the meeting is longer than the overlap', () => {
    expect(
      suggestMeetingSlots({
        mentor: person('America/Los_Angeles', '08:00', '16:00'),
        mentee: person('Europe/London', '09:00', '17:00'),
        from: new Date('2026-11-16T00:00:00Z'),
        days: 14,
        lengthMinutes: 90,
        count: 5,
      }),
    ).toEqual([]);
  });

  it('follows each switch to summer time: 9-17 in LA and London overlap only while the US has switched and the UK has not', () => {
    // From 8 to 29 March 2026 LA is UTC-7 and London UTC+0: 09:00 PDT is 16:00 UTC, London's 17:00.
    // From 30 March London is UTC+1 and its day ends at 16:00 UTC, as LA's begins.
    const slots = suggestMeetingSlots({
      mentor: person('America/Los_Angeles', '09:00', '17:00'),
      mentee: person('Europe/London', '09:00', '17:00'),
      from: new Date('2026-03-26T00:00:00Z'),
      days: 7,
      lengthMinutes: 30,
      count: 10,
    });
    expect(slots).toEqual([
      slot('2026-03-26T16:00:00.000Z', '2026-03-26T16:30:00.000Z'),
      slot('2026-03-26T16:30:00.000Z', '2026-03-26T17:00:00.000Z'),
      slot('2026-03-27T16:00:00.000Z', '2026-03-27T16:30:00.000Z'),
      slot('2026-03-27T16:30:00.000Z', '2026-03-27T17:00:00.000Z'),
    ]);
  });

  it('finds Kolkata and London’s late-morning overlap, starting at the first step after `from`', () => {
    // Kolkata 09:00-17:30 IST is 03:30-12:00 UTC; London in November is 09:00-17:00 UTC.
    const slots = suggestMeetingSlots({
      mentor: person('Asia/Kolkata', '09:00', '17:30'),
      mentee: person('Europe/London', '09:00', '17:00'),
      from: new Date('2026-11-18T10:10:00Z'),
      days: 14,
      lengthMinutes: 60,
      count: 4,
    });
    expect(slots).toEqual([
      slot('2026-11-18T10:30:00.000Z', '2026-11-18T11:30:00.000Z'),
      slot('2026-11-18T11:00:00.000Z', '2026-11-18T12:00:00.000Z'),
      slot('2026-11-19T09:00:00.000Z', '2026-11-19T10:00:00.000Z'),
      slot('2026-11-19T09:30:00.000Z', '2026-11-19T10:30:00.000Z'),
    ]);
  });

  it('starts Kolkata and London’s overlap an hour earlier in UTC while London is on summer time', () => {
    const slots = suggestMeetingSlots({
      mentor: person('Asia/Kolkata', '09:00', '17:30'),
      mentee: person('Europe/London', '09:00', '17:00'),
      from: new Date('2026-07-06T00:00:00Z'),
      days: 14,
      lengthMinutes: 60,
      count: 1,
    });
    expect(slots).toEqual([slot('2026-07-06T08:00:00.000Z', '2026-07-06T09:00:00.000Z')]);
  });

  it('offers nothing for London 9-17 and Tokyo 9-18 in winter: Tokyo’s day ends at 09:00 UTC as London’s begins', () => {
    expect(
      suggestMeetingSlots({
        mentor: person('Europe/London', '09:00', '17:00'),
        mentee: person('Asia/Tokyo', '09:00', '18:00'),
        from: new Date('2026-11-16T00:00:00Z'),
        days: 14,
        lengthMinutes: 30,
        count: 5,
      }),
    ).toEqual([]);
  });

  it('finds London 9-17 and Tokyo 9-18 an hour in summer (08:00-09:00 UTC)', () => {
    expect(
      suggestMeetingSlots({
        mentor: person('Europe/London', '09:00', '17:00'),
        mentee: person('Asia/Tokyo', '09:00', '18:00'),
        from: new Date('2026-07-06T00:00:00Z'),
        days: 14,
        lengthMinutes: 30,
        count: 3,
      }),
    ).toEqual([
      slot('2026-07-06T08:00:00.000Z', '2026-07-06T08:30:00.000Z'),
      slot('2026-07-06T08:30:00.000Z', '2026-07-06T09:00:00.000Z'),
      slot('2026-07-07T08:00:00.000Z', '2026-07-07T08:30:00.000Z'),
    ]);
  });

  it('checks each person’s working days on their own calendar', () => {
    // LA evenings 19:00-23:00 PST (03:00-07:00 UTC next day) meet Kolkata mornings (from 03:30 UTC).
    // LA's Sunday evening is Kolkata's Monday and LA's Friday evening is Kolkata's Saturday: neither
    // counts, so LA Monday-Thursday evenings remain, on UTC dates 17 to 20.
    const slots = suggestMeetingSlots({
      mentor: person('America/Los_Angeles', '19:00', '23:00'),
      mentee: person('Asia/Kolkata', '09:00', '17:00'),
      from: new Date('2026-11-15T00:00:00Z'),
      days: 7,
      lengthMinutes: 60,
      count: 50,
      stepMinutes: 60,
    });
    expect(slots).toHaveLength(12);
    expect(slots.slice(0, 3)).toEqual([
      slot('2026-11-17T03:30:00.000Z', '2026-11-17T04:30:00.000Z'),
      slot('2026-11-17T04:30:00.000Z', '2026-11-17T05:30:00.000Z'),
      slot('2026-11-17T05:30:00.000Z', '2026-11-17T06:30:00.000Z'),
    ]);
    expect([...new Set(slots.map((s) => s.start.slice(0, 10)))]).toEqual(['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']);
  });

  it('steps from the start of the shared stretch, so a +12:45 zone gets 09:00 local, not 09:15', () => {
    // Chatham 09:00 +12:45 is 20:15 UTC; the other person works 19:00-23:00 UTC every day.
    const slots = suggestMeetingSlots({
      mentor: person('UTC', '19:00', '23:00', [1, 2, 3, 4, 5, 6, 7]),
      mentee: person('Pacific/Chatham', '09:00', '17:00'),
      from: new Date('2026-07-05T00:00:00Z'),
      days: 2,
      lengthMinutes: 45,
      count: 2,
    });
    expect(slots).toEqual([
      slot('2026-07-05T20:15:00.000Z', '2026-07-05T21:00:00.000Z'),
      slot('2026-07-05T20:45:00.000Z', '2026-07-05T21:30:00.000Z'),
    ]);
  });

  it('returns nothing for a count of zero and refuses a meeting without length', () => {
    const base = {
      mentor: person('Europe/London', '09:00', '17:00'),
      mentee: person('Europe/London', '09:00', '17:00'),
      from: new Date('2026-11-16T00:00:00Z'),
      days: 7,
    };
    expect(suggestMeetingSlots({ ...base, lengthMinutes: 30, count: 0 })).toEqual([]);
    expect(() => suggestMeetingSlots({ ...base, lengthMinutes: 0, count: 3 })).toThrow(RangeError);
    expect(() => suggestMeetingSlots({ ...base, lengthMinutes: 30, count: 3, stepMinutes: 0 })).toThrow(RangeError);
  });
});

describe('meetingAgenda', () => {
  it('lists open blockers first, then goals due soon, soonest first', () => {
    const agenda = meetingAgenda({
      blockers: ['No access to the staging cluster', '  ', 'Waiting on design review '],
      dueGoals: [
        { title: 'Lead an incident review', dueDate: '2026-12-15' },
        { title: 'Present at the guild', dueDate: '2026-11-30' },
      ],
    });
    expect(agenda).toBe(
      'Open blockers:\n- No access to the staging cluster\n- Waiting on design review\n\n' +
        'Goals due soon:\n- Present at the guild (due 2026-11-30)\n- Lead an incident review (due 2026-12-15)',
    );
  });

  it('says so when there is nothing to discuss', () => {
    expect(meetingAgenda({ blockers: [], dueGoals: [] })).toBe('No open blockers or goals due soon.');
  });

  it('trims a long agenda to the limit with an ellipsis', () => {
    const agenda = meetingAgenda({
      blockers: Array.from({ length: 100 }, (_, i) => `Blocker number ${i} that takes some words`),
      dueGoals: [],
    });
    expect(agenda).toHaveLength(MEETING_AGENDA_MAX_LENGTH);
    expect(agenda.endsWith('…')).toBe(true);
    expect(agenda.startsWith('Open blockers:\n- Blocker number 0 ')).toBe(true);
  });

  it('never cuts an emoji in half, which would break the link', () => {
    // 'Open blockers:\n- ' is 17 UTF-16 units and each emoji two: keeping 20 units for the text
    // (21 less the ellipsis) would end inside the second emoji.
    const agenda = meetingAgenda({ blockers: ['🚧🚧🚧'], dueGoals: [] }, 21);
    expect(agenda).toBe('Open blockers:\n- 🚧…');
    expect(() => encodeURIComponent(agenda)).not.toThrow();
  });
});

describe('teamsMeetingDraftLink', () => {
  const draft = {
    subject: 'Mentoring: Alex & Priya + plan',
    attendees: ['alex.chen@contoso.com', 'priya.raman@contoso.com'],
    startTime: '2026-11-16T16:00:00.000Z',
    endTime: '2026-11-16T16:30:00.000Z',
    content: 'Open blockers:\n- CI is slow',
  };

  it('builds the scheduling deep link with every value encoded and spaces as %20', () => {
    expect(teamsMeetingDraftLink(draft)).toBe(
      'https://teams.microsoft.com/l/meeting/new' +
        '?subject=Mentoring%3A%20Alex%20%26%20Priya%20%2B%20plan' +
        '&attendees=alex.chen%40contoso.com,priya.raman%40contoso.com' +
        '&startTime=2026-11-16T16%3A00%3A00.000Z' +
        '&endTime=2026-11-16T16%3A30%3A00.000Z' +
        '&content=Open%20blockers%3A%0A-%20CI%20is%20slow',
    );
  });

  it('reads back to the same values, and an attendee cannot smuggle in another one or a parameter', () => {
    const url = new URL(teamsMeetingDraftLink({ ...draft, attendees: ['a@x.com', 'b@y.com,c@z.com&subject=x'] }));
    expect(url.searchParams.get('subject')).toBe(draft.subject);
    expect(url.searchParams.get('attendees')).toBe('a@x.com,b@y.com,c@z.com&subject=x');
    expect(url.searchParams.getAll('subject')).toHaveLength(1);
    expect(url.search).toContain('attendees=a%40x.com,b%40y.com%2Cc%40z.com%26subject%3Dx&');
    expect(url.searchParams.get('content')).toBe(draft.content);
  });

  it('leaves out empty content', () => {
    expect(teamsMeetingDraftLink({ ...draft, content: '' })).not.toContain('content=');
  });
});
