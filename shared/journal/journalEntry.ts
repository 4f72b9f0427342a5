// A journal entry: one thing that happened in a pair (capability 9), with who wrote it and who may
// see it (policy.ts `canSeeEntry`). Entries live in the pair's partition, newest first, and are
// written in the same transaction as the change they record, so the timeline never misses one.
import { z } from 'zod';
import { isoDate, isoInstant } from '../dates';
import { limits } from '../limits';
import { personId } from '../person';
import { entityId } from '../program';
import { slotKey } from '../checkins/checkIn';

export const journalEntryKind = z.enum(['check_in', 'feedback', 'win', 'checkpoint']);
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
    /** The full text of a `feedback` entry (the summary is its first line). */
    body: z.string().max(limits.longText).optional(),
    /** The checkpoint a `checkpoint` entry records (its due date); the body holds its reflections. */
    checkpointDueDate: isoDate.optional(),
  })
  .strict();
export type JournalEntry = z.infer<typeof journalEntry>;
