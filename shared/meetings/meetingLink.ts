import type { IsoDate } from '../dates';
import { toWellFormed } from '../text';

/** What the Teams scheduling form opens pre-filled with. */
export interface MeetingDraft {
  subject: string;
  /** Entra user principal names, usually email addresses: the only ids the link accepts. */
  attendees: string[];
  /** ISO 8601 with an offset or `Z`; Teams needs the offset to place the time. */
  startTime: string;
  endTime: string;
  /** The meeting's details: plain text. */
  content?: string;
}

const MEETING_DRAFT_URL = 'https://teams.microsoft.com/l/meeting/new';

/**
 * A deep link that opens a Teams meeting draft (the scheduling form), which the person still sends
 * themselves. Teams reads `+` literally, not as a space, so every value goes through
 * encodeURIComponent (spaces become %20), never URLSearchParams. Attendees are encoded one by one
 * and joined with a bare comma, the separator Teams splits on.
 */
export function teamsMeetingDraftLink(draft: MeetingDraft): string {
  // encodeURIComponent throws on a lone surrogate: text stored before input was checked must not break the link.
  const encode = (value: string) => encodeURIComponent(toWellFormed(value));
  const params: [string, string][] = [
    ['subject', encode(draft.subject)],
    ['attendees', draft.attendees.map(encode).join(',')],
    ['startTime', encode(draft.startTime)],
    ['endTime', encode(draft.endTime)],
  ];
  if (draft.content) params.push(['content', encode(draft.content)]);
  return `${MEETING_DRAFT_URL}?${params.map(([name, value]) => `${name}=${value}`).join('&')}`;
}

/** Long enough for a real agenda, short enough that the link stays well inside URL limits. */
export const MEETING_AGENDA_MAX_LENGTH = 1_500;

export interface MeetingAgendaInput {
  blockers: string[];
  dueGoals: { title: string; dueDate: IsoDate }[];
}

/**
 * A plain-text agenda: open blockers first (they are why the meeting matters), then goals due
 * soon, soonest first. Cut to `maxLength` characters with "…" when longer.
 */
export function meetingAgenda(input: MeetingAgendaInput, maxLength = MEETING_AGENDA_MAX_LENGTH): string {
  const blockers = input.blockers.map((b) => b.trim()).filter((b) => b.length > 0);
  const goals = [...input.dueGoals].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const sections: string[] = [];
  if (blockers.length > 0) sections.push(['Open blockers:', ...blockers.map((b) => `- ${b}`)].join('\n'));
  if (goals.length > 0) sections.push(['Goals due soon:', ...goals.map((g) => `- ${g.title.trim()} (due ${g.dueDate})`)].join('\n'));
  const agenda = sections.length > 0 ? sections.join('\n\n') : 'No open blockers or goals due soon.';
  return trimTo(agenda, maxLength);
}

function trimTo(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let cut = text.slice(0, maxLength - 1);
  // Never split a surrogate pair: a lone half makes encodeURIComponent throw.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
