import { describe, expect, it } from 'vitest';
import { meetingSuggestions, openBlockers } from '../../shared/meetings/meetingSuggestions';

const weekdays = [1, 2, 3, 4, 5];
const input = {
  agreement: {
    meetingLengthMinutes: 45,
    mentor: { timeZone: 'Europe/London', workingHours: { start: '08:30', end: '17:00', days: weekdays } },
    mentee: { timeZone: 'America/Los_Angeles', workingHours: { start: '09:00', end: '17:30', days: weekdays } },
  },
  mentor: { displayName: 'Priya Raman', email: 'priya@contoso.example' },
  mentee: { displayName: 'Alex Chen', email: 'alex@contoso.example' },
  goals: [
    { title: 'Lead an incident', dueDate: '2026-12-10', status: 'active' as const },
    { title: 'Far away', dueDate: '2027-06-01', status: 'active' as const },
    { title: 'Done already', dueDate: '2026-12-01', status: 'completed' as const },
  ],
  blockers: ['Waiting for on-call access'],
  // Monday 23 November 2026, 12:00 UTC: 04:00 in Los Angeles, 12:00 in London.
  now: new Date('2026-11-23T12:00:00Z'),
  today: '2026-11-23',
};

describe('meeting suggestions', () => {
  it('offer nothing when the working days do not overlap', () => {
    const slots = meetingSuggestions(input);
    // London works until 17:00 (17:00 UTC in winter); LA starts 09:00 PST = 17:00 UTC: no overlap at all.
    expect(slots).toEqual([]);
  });

  it('find the overlap when there is one, and pre-fill the Teams draft', () => {
    const early = {
      ...input,
      agreement: {
        ...input.agreement,
        mentee: { ...input.agreement.mentee, workingHours: { start: '07:00', end: '15:30', days: weekdays } },
      },
    };
    const slots = meetingSuggestions(early);
    // LA 07:00 PST = 15:00 UTC; London ends 17:00 UTC: 45-minute meetings starting 15:00, 15:30, 16:00.
    expect(slots.map((s) => [s.start, s.end])).toEqual([
      ['2026-11-23T15:00:00.000Z', '2026-11-23T15:45:00.000Z'],
      ['2026-11-23T15:30:00.000Z', '2026-11-23T16:15:00.000Z'],
      ['2026-11-23T16:00:00.000Z', '2026-11-23T16:45:00.000Z'],
    ]);
    const link = new URL(slots[0]!.draftLink);
    expect(link.origin + link.pathname).toBe('https://teams.microsoft.com/l/meeting/new');
    expect(link.searchParams.get('attendees')).toBe('priya@contoso.example,alex@contoso.example');
    expect(link.searchParams.get('subject')).toBe('Mentoring: Priya Raman and Alex Chen');
    expect(link.searchParams.get('content')).toBe(
      'Open blockers:\n- Waiting for on-call access\n\nGoals due soon:\n- Lead an incident (due 2026-12-10)',
    );
  });
});

describe('open blockers for the agenda', () => {
  const answered = (slot: string, blockers: string, needHelpWith = '') => ({
    pairId: 'p',
    slot,
    dueAt: `${slot}T09:00:00.000Z`,
    status: 'answered' as const,
    comments: [],
    answer: { goals: [], confidence: 3, wins: '', blockers, nextSteps: '', needHelpWith },
  });
  it('come from the latest answered check-in, help requests included', () => {
    const missed = { pairId: 'p', slot: '2026-11-30', dueAt: '2026-11-30T09:00:00.000Z', status: 'missed' as const, comments: [] };
    expect(
      openBlockers([answered('2026-11-02', 'Old blocker'), missed, answered('2026-11-16', 'No staging access', 'reviewing my design')]),
    ).toEqual(['No staging access', 'Help needed: reviewing my design']);
    expect(openBlockers([missed])).toEqual([]);
  });
});
