// A journal entry: one thing that happened in a pair (capability 9), with who wrote it and who may
// see it (policy.ts `canSeeEntry`). Entries live in the pair's partition, newest first, and are
// written in the same transaction as the change they record, so the timeline never misses one.
import { z } from 'zod';
import { isoDate, isoInstant } from '../dates';
import { limits } from '../limits';
import { personId } from '../person';
import { entityId } from '../program';
import { slotKey } from '../checkins/checkIn';

export const journalEntryKind = z.enum([
  'check_in',
  'feedback',
  'win',
  'goal_set',
  'goal_changed',
  'milestone_done',
  /** A checkpoint's reflections (written with the checkpoint's sign-off). */
  'checkpoint',
  /** Free text either person writes; the only kind edited or deleted on its own. */
  'note',
]);
export type JournalEntryKind = z.infer<typeof journalEntryKind>;

export const entryVisibility = z.enum(['private', 'pair', 'program']);

export const journalEntry = z
  .object({
    id: entityId,
    pairId: entityId,
    kind: journalEntryKind,
    at: isoInstant,
    authorId: personId,
    visibility: entryVisibility,
    /** Program visibility takes the mentee's consent for this entry; never assumed. */
    menteeConsented: z.boolean(),
    /** One line for the timeline; the details stay with what the entry points at. */
    summary: z.string().max(limits.shortText),
    /** What the entry is about: the check-in's slot for `check_in`. */
    checkInSlot: slotKey.optional(),
    /** The goal a `feedback` or `win` entry is about. */
    goalId: entityId.optional(),
    /** The win a `win` entry records. */
    winId: entityId.optional(),
    /** The full text of a `feedback` or `note` entry (the summary is its first line). */
    body: z.string().max(limits.longText).optional(),
    /** The checkpoint a `checkpoint` entry records (its due date); the body holds its reflections. */
    checkpointDueDate: isoDate.optional(),
    /** The milestone a `milestone_done` entry records. */
    milestoneId: entityId.optional(),
    /** The Entra tenant of the pair, from the person who wrote the entry. */
    tenantId: z.string().max(64).optional(),
    /** What a program-visible entry went back to when the mentee takes the sharing back. */
    visibilityBeforeSharing: z.enum(['private', 'pair']).optional(),
    /** When a note's text or visibility last changed (`at` stays the moment it was written). */
    updatedAt: isoInstant.optional(),
  })
  .strict();
export type JournalEntry = z.infer<typeof journalEntry>;

/** The one line a timeline shows for a longer text: its first line, cut to fit. */
export function summaryOf(text: string): string {
  const first = text.trim().split('\n', 1)[0]?.trim() ?? '';
  return first.length <= limits.shortText ? first : `${first.slice(0, limits.shortText - 1)}…`;
}
