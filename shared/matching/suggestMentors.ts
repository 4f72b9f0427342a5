// Suggested mentors for a mentee (capability 13): ranked by the competencies the mentee's goals
// need, by how much of their working week the two share, and by the mentor's free places. Each
// suggestion says why, so a program manager can judge it rather than trust a number.
import type { Goal } from '../goal';
import type { Availability } from '../meetings/slots';
import { weeklyOverlapMinutes } from '../meetings/slots';
import type { Person } from '../person';
import type { Program } from '../program';
import { priorityById } from '../program';

/** Someone who could mentor (enrolled in the program as a mentor): their profile, the behaviors they list as strengths, and the mentees they have now. */
export interface MentorCandidate {
  person: Pick<Person, 'id' | 'displayName' | 'timeZone' | 'workingHours' | 'mentorCapacity'>;
  strengths: readonly string[];
  activeMentees: number;
}

export interface MenteeNeeds {
  id: string;
  availability: Availability;
  /** The behaviors of the priorities the mentee's goals serve (see `neededBehaviors`). */
  behaviors: readonly string[];
}

export interface MentorSuggestion {
  mentorId: string;
  displayName: string;
  /** 0..1: higher is a better fit. */
  score: number;
  matchedBehaviors: string[];
  neededBehaviors: number;
  overlapHoursPerWeek: number;
  remainingCapacity: number;
  reasons: string[];
}

/** How much each part weighs in the score. Competencies first: they are what mentoring passes on. */
export const matchingWeights = { competencies: 0.5, overlap: 0.3, capacity: 0.2 } as const;
/** Shared hours a week at which overlap counts in full: more than enough for a weekly check-in and a review. */
export const FULL_OVERLAP_HOURS = 10;

const normalize = (behavior: string) => behavior.trim().toLocaleLowerCase();

/** The behaviors that the priorities of a mentee's open goals ask for, once each, in the program's order. */
export function neededBehaviors(program: Pick<Program, 'priorities'>, goals: readonly Pick<Goal, 'priorityId' | 'status'>[]): string[] {
  const seen = new Map<string, string>();
  for (const goal of goals) {
    if (goal.status === 'completed' || goal.status === 'dropped') continue;
    for (const behavior of priorityById(program as Program, goal.priorityId)?.behaviors ?? []) {
      if (!seen.has(normalize(behavior))) seen.set(normalize(behavior), behavior);
    }
  }
  return [...seen.values()];
}

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/**
 * Mentors ranked for a mentee, best first. The mentee is never their own mentor and a mentor with no
 * free place is left out; a mentor whose working hours never meet the mentee's stays in the list,
 * last among equals, with a reason that says so. Ties go by name, then id, so the order is stable.
 */
export function suggestMentors(mentee: MenteeNeeds, candidates: readonly MentorCandidate[], now: Date): MentorSuggestion[] {
  const needed = new Map(mentee.behaviors.map((b) => [normalize(b), b]));
  const suggestions: MentorSuggestion[] = [];
  for (const candidate of candidates) {
    const { person } = candidate;
    const remainingCapacity = person.mentorCapacity - candidate.activeMentees;
    if (person.id === mentee.id || remainingCapacity <= 0) continue;

    const strengths = new Set(candidate.strengths.map(normalize));
    const matchedBehaviors = [...needed].filter(([key]) => strengths.has(key)).map(([, label]) => label);
    const overlapHoursPerWeek = hours(weeklyOverlapMinutes(mentee.availability, person, now));

    const competencyShare = needed.size === 0 ? 0 : matchedBehaviors.length / needed.size;
    const overlapShare = Math.min(overlapHoursPerWeek / FULL_OVERLAP_HOURS, 1);
    const capacityShare = remainingCapacity / person.mentorCapacity;
    const score =
      matchingWeights.competencies * competencyShare + matchingWeights.overlap * overlapShare + matchingWeights.capacity * capacityShare;

    suggestions.push({
      mentorId: person.id,
      displayName: person.displayName,
      score: Math.round(score * 1000) / 1000,
      matchedBehaviors,
      neededBehaviors: needed.size,
      overlapHoursPerWeek,
      remainingCapacity,
      reasons: reasonsFor(matchedBehaviors, needed.size, overlapHoursPerWeek, remainingCapacity, person.mentorCapacity),
    });
  }
  return suggestions.sort(
    (a, b) => b.score - a.score || a.displayName.localeCompare(b.displayName) || a.mentorId.localeCompare(b.mentorId),
  );
}

function reasonsFor(matched: string[], needed: number, overlapHours: number, remaining: number, capacity: number): string[] {
  const reasons: string[] = [];
  if (needed === 0) reasons.push('The mentee has no open goal linked to a priority yet, so strengths were not compared.');
  else if (matched.length === 0) reasons.push(`None of the ${needed} behaviors the goals need is among this mentor's strengths.`);
  else reasons.push(`Strong in ${matched.length} of ${needed} behaviors the goals need: ${matched.join(', ')}.`);
  reasons.push(
    overlapHours === 0 ? 'Their working hours never meet the mentee’s.' : `${overlapHours} working hours a week in common with the mentee.`,
  );
  reasons.push(`${remaining} of ${capacity} mentee places free.`);
  return reasons;
}
