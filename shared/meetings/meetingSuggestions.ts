// What "plan our next meeting" offers a pair: a few times inside both people's working hours, each
// with a Teams meeting draft that already names both people, a subject and an agenda. Used by the
// tab and by the mentor's check-in card, so both suggest the same thing.
import type { CheckIn } from '../checkins/checkIn';
import { addDays, type IsoDate } from '../dates';
import type { Goal } from '../goal';
import type { Agreement } from '../mentorship';
import type { PersonSummary } from '../person';
import { isActiveGoal } from '../plan/planChoices';
import { meetingAgenda, teamsMeetingDraftLink } from './meetingLink';
import { suggestMeetingSlots, type MeetingSlot } from './slots';

/** How far ahead to look for a time, and how soon a due goal belongs on the agenda. */
export const MEETING_LOOKAHEAD_DAYS = 14;
export const AGENDA_DUE_WITHIN_DAYS = 60;

export interface MeetingSuggestion extends MeetingSlot {
  /** Opens the Teams scheduling form pre-filled; the person still reviews and sends it. */
  draftLink: string;
}

export interface MeetingSuggestionsInput {
  agreement: Pick<Agreement, 'mentor' | 'mentee' | 'meetingLengthMinutes'>;
  mentor: Pick<PersonSummary, 'displayName' | 'email'>;
  mentee: Pick<PersonSummary, 'displayName' | 'email'>;
  goals: Pick<Goal, 'title' | 'dueDate' | 'status'>[];
  /** Open blockers, e.g. from the latest check-in. */
  blockers: string[];
  now: Date;
  today: IsoDate;
  count?: number;
}

export function meetingSuggestions(input: MeetingSuggestionsInput): MeetingSuggestion[] {
  const dueBy = addDays(input.today, AGENDA_DUE_WITHIN_DAYS);
  const dueGoals = input.goals
    .filter((g) => isActiveGoal(g) && g.dueDate !== undefined && g.dueDate <= dueBy)
    .map((g) => ({ title: g.title, dueDate: g.dueDate as IsoDate }));
  const content = meetingAgenda({ blockers: input.blockers, dueGoals });
  const subject = `Mentoring: ${input.mentor.displayName} and ${input.mentee.displayName}`;
  const attendees = [input.mentor.email, input.mentee.email].filter((e): e is string => Boolean(e));
  const slots = suggestMeetingSlots({
    mentor: input.agreement.mentor,
    mentee: input.agreement.mentee,
    from: input.now,
    days: MEETING_LOOKAHEAD_DAYS,
    lengthMinutes: input.agreement.meetingLengthMinutes,
    count: input.count ?? 3,
  });
  return slots.map((slot) => ({
    ...slot,
    draftLink: teamsMeetingDraftLink({ subject, attendees, startTime: slot.start, endTime: slot.end, content }),
  }));
}

/**
 * What still stands in the pair's way: the blockers and help request of the latest answered
 * check-in. A meeting agenda starts with these.
 */
export function openBlockers(checkIns: readonly CheckIn[]): string[] {
  const latest = [...checkIns].filter((c) => c.status === 'answered' && c.answer).sort((a, b) => (a.slot < b.slot ? 1 : -1))[0];
  if (!latest?.answer) return [];
  const { blockers, needHelpWith } = latest.answer;
  return [blockers, needHelpWith ? `Help needed: ${needHelpWith}` : ''].map((t) => t.trim()).filter((t) => t !== '');
}
