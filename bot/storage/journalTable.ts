// The pair's journal in the Plans table: rows `journal|{inverted ms}|{id}` in the pair's partition,
// newest first (see tables.ts). Most entries are written in the same transaction as what they
// record (a check-in answer, a win) through `journalRow`; a feedback note is an entry on its own.
import { odata } from '@azure/data-tables';
import { journalEntry as journalEntrySchema, type JournalEntry } from '../../shared/journal/journalEntry';
import type { JournalRepository } from '../../shared/recognition/recognitionRepositories';
import { fail, ok } from '../../shared/result';
import { fromRow, isConflict, toRow, type StoredRow } from './entityCodec';
import { encodeKey, type Tables } from './tables';

const JOURNAL_PREFIX = 'journal|';
// The largest instant a JS Date holds, in ms: inverting against it makes newer entries sort first.
const MAX_TIME_MS = 8_640_000_000_000_000;
const invertedTime = (ms: number) => String(MAX_TIME_MS - ms).padStart(16, '0');

/** `journal|{inverted time, 16 digits}|{id}`: a partition query reads the journal newest first. */
export const journalKey = (entry: Pick<JournalEntry, 'at' | 'id'>) =>
  `${JOURNAL_PREFIX}${invertedTime(Date.parse(entry.at))}|${encodeKey(entry.id)}`;

/** The row of a journal entry, validated, for a transaction with what it records. */
export function journalRow(entry: JournalEntry): StoredRow {
  const valid = journalEntrySchema.parse(entry);
  return toRow(encodeKey(valid.pairId), journalKey(valid), valid, { kind: 'journal', entryKind: valid.kind, visibility: valid.visibility });
}

export function journalTable(tables: Pick<Tables, 'plans'>): JournalRepository {
  const { plans } = tables;
  return {
    async append(entry) {
      const row = journalRow(entry);
      try {
        await plans.createEntity(row);
        return ok(journalEntrySchema.parse(entry));
      } catch (e) {
        if (isConflict(e)) return fail('conflict', 'This journal entry exists already.');
        throw e;
      }
    },

    async since(pairId, since) {
      // Newest first: from the start of the journal range up to the key of `since` (inclusive of that ms).
      const upTo = `${JOURNAL_PREFIX}${invertedTime(since.getTime())}}`;
      const filter = odata`PartitionKey eq ${encodeKey(pairId)} and RowKey ge ${JOURNAL_PREFIX} and RowKey lt ${upTo}`;
      const out: JournalEntry[] = [];
      for await (const row of plans.listEntities({ queryOptions: { filter } })) out.push(fromRow(journalEntrySchema, row).value);
      return out;
    },
  };
}
