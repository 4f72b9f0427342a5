// The storage port of the journal beyond appending: read one entry, walk a pair's timeline newest
// first within a range, replace and delete with the ETag that was read.
import type { Result, Versioned } from '../result';
import type { JournalRepository } from '../recognition/recognitionRepositories';
import type { JournalEntry, JournalEntryKind } from './journalEntry';

export interface JournalRange {
  kinds?: readonly JournalEntryKind[];
  goalId?: string;
  /** Entries at or after this instant. */
  fromMs?: number;
  /** Entries before this instant. */
  beforeMs?: number;
  /** Only program-visible entries (the leadership trail). */
  programOnly?: boolean;
  /** Continue after the entry this cursor came with. */
  cursor?: string;
}

export interface JournalRow {
  entry: Versioned<JournalEntry>;
  /** Where a page that ends with this entry continues. */
  cursor: string;
}

export interface JournalStore extends JournalRepository {
  get(pairId: string, entryId: string): Promise<Versioned<JournalEntry> | undefined>;
  /** The pair's entries in the range, newest first, read page by page as the caller goes on. */
  entries(pairId: string, range: JournalRange): AsyncIterable<JournalRow>;
  /** Replaces the entry if the ETag matches; a mismatch is a `conflict` with the current version. */
  update(entry: JournalEntry, etag: string): Promise<Result<Versioned<JournalEntry>>>;
  delete(entry: JournalEntry, etag: string): Promise<Result<void>>;
}
