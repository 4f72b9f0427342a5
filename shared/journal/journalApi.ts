// The journal over HTTP: what the tab sends (notes, sharing, filters) and what it gets back (a page
// of the timeline; the leadership trail). Parsed at the boundary with these schemas.
import type { ScorecardValue } from '../checkpoints/checkpoint';
import { z } from 'zod';
import { isoDate } from '../dates';
import { limits } from '../limits';
import { entityId } from '../program';
import type { Versioned } from '../result';
import { journalEntryKind, type JournalEntry } from './journalEntry';

/** A note's text: simple formatting (Markdown) that the tab renders without raw HTML. */
export const noteText = z.string().trim().min(1, 'Write something first.').max(limits.longText);

/** A note is private (its author's alone) or the pair's; program visibility is the mentee's sharing, below. */
export const noteVisibility = z.enum(['private', 'pair']);

export const noteCreateInput = z.object({ body: noteText, visibility: noteVisibility.default('pair') }).strict();
export type NoteCreateInput = z.infer<typeof noteCreateInput>;

export const notePatchInput = z
  .object({ body: noteText.optional(), visibility: noteVisibility.optional() })
  .strict()
  .refine((p) => p.body !== undefined || p.visibility !== undefined, { message: 'Nothing to change.' });
export type NotePatchInput = z.infer<typeof notePatchInput>;

/** The mentee shares one entry with the program's leadership, or takes it back. */
export const entrySharingInput = z.object({ shared: z.boolean() }).strict();
export type EntrySharingInput = z.infer<typeof entrySharingInput>;

/** Where the next page starts: opaque to the tab. */
export const journalCursor = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'This is not a page of this journal.');

export const JOURNAL_PAGE_DEFAULT = 50;
export const JOURNAL_PAGE_MAX = 200;

/** `?kind=note,win&goalId=…&from=2026-01-01&to=2026-03-31&cursor=…&limit=50` */
export const journalQuery = z
  .object({
    kind: z
      .string()
      .max(200)
      .transform((text, ctx) => {
        const kinds = text.split(',').filter((k) => k !== '');
        for (const k of kinds) {
          if (!journalEntryKind.safeParse(k).success) {
            ctx.addIssue({ code: z.ZodIssueCode.custom, message: `There is no kind of entry called “${k}”.` });
            return z.NEVER;
          }
        }
        return kinds as z.infer<typeof journalEntryKind>[];
      })
      .optional(),
    goalId: entityId.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    cursor: journalCursor.optional(),
    limit: z.coerce.number().int().min(1).max(JOURNAL_PAGE_MAX).default(JOURNAL_PAGE_DEFAULT),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'The start date must not be after the end date.', path: ['from'] });
export type JournalQuery = z.infer<typeof journalQuery>;

export const journalEntryParams = z.object({ pairId: entityId, entryId: entityId }).strict();
export const trailParams = z.object({ programId: entityId, pairId: entityId }).strict();

/** An entry as one person sees it, with what they may do with it. */
export interface JournalEntryView extends Versioned<JournalEntry> {
  can: { edit: boolean; delete: boolean; share: boolean; unshare: boolean };
}

export interface JournalPageView {
  pairId: string;
  /** Newest first. */
  entries: JournalEntryView[];
  /** Present when older entries match the same filters. */
  nextCursor?: string;
}

/** What a program manager sees of one pair: what its mentee shared, nothing else. */
export interface TrailView {
  programId: string;
  pairId: string;
  mentee: { id: string; displayName: string };
  /** Program-visible entries the mentee consented to share, newest first. */
  entries: JournalEntry[];
  /** The signed-off checkpoint scorecards the mentee shared with the program, oldest first. */
  scorecards: { dueDate: string; signedOffAt?: string; scorecard: ScorecardValue[] }[];
}
