// Storage ports of recognition. bot/storage/ implements them over Table Storage: wins and journal
// entries in the pair's partition of Plans, the digest index in its own table (see tables.ts).
import type { JournalEntry } from '../journal/journalEntry';
import type { Result, Versioned } from '../result';
import type { Win } from './win';

export interface WinRepository {
  /**
   * Writes the win and its journal entry in one transaction: never one without the other. With
   * `sameSince`, a win of the same sender, text and goal recorded at or after it (an ISO time) is a
   * `conflict` carrying that win as `current`, also when both are sent at once.
   */
  create(win: Win, entry: JournalEntry, sameSince?: string): Promise<Result<Versioned<Win>>>;
  get(pairId: string, winId: string): Promise<Versioned<Win> | undefined>;
  /** Every win of the pair, newest first. */
  list(pairId: string): Promise<Versioned<Win>[]>;
  /** Replaces the win if the ETag matches; a mismatch is a `conflict` with the current version. */
  update(win: Win, etag: string): Promise<Result<Versioned<Win>>>;
}

export interface JournalRepository {
  /** Appends an entry that stands alone (nothing else is written with it). */
  append(entry: JournalEntry): Promise<Result<JournalEntry>>;
  /** The pair's entries recorded at or after `since`, newest first. */
  since(pairId: string, since: Date): Promise<JournalEntry[]>;
}

/** Where a win waits for the weekly digest of its program: found without reading every pair. */
export interface DigestEntryRef {
  programId: string;
  /** The Monday (`YYYY-MM-DD`, UTC) of the week the win was recorded in. */
  week: string;
  pairId: string;
  winId: string;
}

/**
 * The digest index: a hint of which wins may be shown, by program and week. The win row stays the
 * truth (the digest reads it again and shows it only with consent), so an index row left behind by
 * a failed write never shows a win, and rows are filed before consent is stored, removed after it
 * is withdrawn.
 */
export interface DigestIndex {
  file(ref: DigestEntryRef): Promise<void>;
  remove(ref: DigestEntryRef): Promise<void>;
  /** The wins filed for a program's week. */
  listWeek(programId: string, week: string): Promise<DigestEntryRef[]>;
}
