import { describe, expect, it } from 'vitest';
import { neededBehaviors, suggestMentors, type MenteeNeeds, type MentorCandidate } from '../../shared/matching/suggestMentors';
import { weeklyOverlapMinutes } from '../../shared/meetings/slots';

const monday = new Date('2026-11-16T00:00:00Z');
const weekdays = [1, 2, 3, 4, 5];
const hoursIn = (timeZone: string, start = '09:00', end = '17:00') => ({ timeZone, workingHours: { start, end, days: weekdays } });

const mentor = (id: string, strengths: string[], opts: { zone?: string; capacity?: number; active?: number } = {}): MentorCandidate => ({
  person: { id, displayName: `Mentor ${id}`, ...hoursIn(opts.zone ?? 'Europe/London'), mentorCapacity: opts.capacity ?? 3 },
  strengths,
  activeMentees: opts.active ?? 0,
});
const mentee = (behaviors: string[], zone = 'Europe/London'): MenteeNeeds => ({ id: 'mentee', availability: hoursIn(zone), behaviors });

describe('weeklyOverlapMinutes', () => {
  it('counts a full shared week and the one-hour London / Los Angeles overlap (PST) on five days', () => {
    expect(weeklyOverlapMinutes(hoursIn('Europe/London'), hoursIn('Europe/London'), monday)).toBe(5 * 8 * 60);
    expect(weeklyOverlapMinutes(hoursIn('Europe/London'), hoursIn('America/Los_Angeles', '08:00', '16:00'), monday)).toBe(5 * 60);
    expect(weeklyOverlapMinutes(hoursIn('Europe/London', '09:00', '12:00'), hoursIn('Asia/Tokyo', '09:00', '17:00'), monday)).toBe(0);
  });
});

describe('neededBehaviors', () => {
  it('takes the behaviors of the priorities of open goals once each, and ignores closed goals and unknown priorities', () => {
    const first = { id: 'reliability', name: 'Reliability', description: '', behaviors: ['Designs for failure', 'Owns incidents'] };
    const second = { id: 'ai', name: 'AI', description: '', behaviors: ['Prototypes quickly'] };
    const program = { priorities: [first, second] };
    const goals = [
      { priorityId: first.id, status: 'active' as const },
      { priorityId: first.id, status: 'active' as const },
      { priorityId: second.id, status: 'completed' as const },
      { priorityId: 'gone', status: 'active' as const },
    ];
    expect(neededBehaviors(program, goals)).toEqual(first.behaviors);
  });
});

describe('suggestMentors', () => {
  const needs = ['Coaches others', 'Explains trade-offs', 'Delegates'];

  it('ranks by competencies first and says which behaviors matched', () => {
    const ranked = suggestMentors(
      mentee(needs),
      [mentor('a', ['coaches others']), mentor('b', ['Coaches others', 'Delegates ']), mentor('c', ['Public speaking'])],
      monday,
    );
    expect(ranked.map((s) => s.mentorId)).toEqual(['b', 'a', 'c']);
    expect(ranked[0]!.matchedBehaviors).toEqual(['Coaches others', 'Delegates']);
    expect(ranked[0]!.reasons[0]).toBe('Strong in 2 of 3 behaviors the goals need: Coaches others, Delegates.');
    expect(ranked[2]!.reasons[0]).toBe("None of the 3 behaviors the goals need is among this mentor's strengths.");
  });

  it('prefers shared working hours when competencies are equal, and keeps a mentor whose hours never meet, saying so', () => {
    const ranked = suggestMentors(
      mentee(needs),
      [mentor('tokyo', ['Delegates'], { zone: 'Asia/Tokyo' }), mentor('london', ['Delegates'])],
      monday,
    );
    expect(ranked.map((s) => [s.mentorId, s.overlapHoursPerWeek])).toEqual([
      ['london', 40],
      ['tokyo', 0],
    ]);
    expect(ranked[1]!.reasons).toContain('Their working hours never meet the mentee’s.');
  });

  it('prefers free places when everything else is equal, and leaves out full mentors and the mentee', () => {
    const ranked = suggestMentors(
      mentee(needs),
      [
        mentor('busy', needs, { capacity: 2, active: 1 }),
        mentor('free', needs, { capacity: 2 }),
        mentor('full', needs, { capacity: 2, active: 2 }),
        mentor('mentee', needs),
      ],
      monday,
    );
    expect(ranked.map((s) => s.mentorId)).toEqual(['free', 'busy']);
    expect(ranked[1]!.reasons).toContain('1 of 2 mentee places free.');
    expect(ranked[0]!.score).toBe(1);
  });

  it('says strengths were not compared when no open goal names a priority, and orders ties by name', () => {
    const ranked = suggestMentors(mentee([]), [mentor('b', []), mentor('a', [])], monday);
    expect(ranked.map((s) => s.mentorId)).toEqual(['a', 'b']);
    expect(ranked[0]!.reasons[0]).toMatch(/no open goal linked to a priority/);
  });
});
