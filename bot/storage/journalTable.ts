// The pair's journal in the Plans table: rows `journal|{inverted ms}|{id}` in the pair's partition,
// newest first (see tables.ts). Most entries are written in the same transaction as what they
// record (a check-in answer, a goal, a milestone, a win) through `journalRow`; notes and feedback
// notes are entries on their own. Columns `entryKind`, `visibility`, `goalId` and `entryId` are
// copies of the entry's fields for filtering.
import { odata } from '@azure/data-tables';
import { journalEntry as journalEntrySchema, type JournalEntry } from '../../shared/journal/journalEntry';
import type { JournalRange, JournalStore } from '../../shared/journal/journalRepository';
import { fail, ok } from '../../shared/result';
import { decodeValidatedRow, fromRow, isConflict, isNotFound, toRow, type StoredRow } from './entityCodec';
import { encodeKey, type Tables } from './tables';

const JOURNAL_PREFIX = 'journal|';
// '}' sorts right after '|': the end of the journal's key range.
const JOURNAL_END = 'journal}';
// The largest instant a JS Date holds, in ms: inverting against it makes newer entries sort first.
const MAX_TIME_MS = 8_640_000_000_000_000;
const invertedTime = (ms: number) => String(MAX_TIME_MS - ms).padStart(16, '0');

/** `journal|{inverted time, 16 digits}|{id}`: a partition query reads the journal newest first. */
export const journalKey = (entry: Pick<JournalEntry, 'at' | 'id'>) =>
  `${JOURNAL_PREFIX}${invertedTime(Date.parse(entry.at))}|${encodeKey(entry.id)}`;

/** The row of a journal entry, validated, for a transaction with what it records. */
export function journalRow(entry: JournalEntry): StoredRow {
  const valid = journalEntrySchema.parse(entry);
  return toRow(encodeKey(valid.pairId), journalKey(valid), valid, {
    kind: 'journal',
    entryKind: valid.kind,
    visibility: valid.visibility,
    entryId: valid.id,
    ...(valid.goalId ? { goalId: valid.goalId } : {}),
  });
}

/** A cursor is the last row key read, in base64url so it travels in a query string as it is. */
const cursorOf = (rowKey: string) => Buffer.from(rowKey, 'utf8').toString('base64url');
const rowKeyOf = (cursor: string): string | undefined => {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  return key.startsWith(JOURNAL_PREFIX) && key < JOURNAL_END ? key : undefined;
};

/** The OData filter of a range: row keys carry the time, columns the kind, goal and visibility. */
function rangeFilter(pairId: string, range: JournalRange): string {
  const parts = [odata`PartitionKey eq ${encodeKey(pairId)}`];
  const after = range.cursor ? rowKeyOf(range.cursor) : undefined;
  if (range.cursor && !after) parts.push(odata`RowKey eq ${'-'}`); // a cursor of something else: nothing
  parts.push(after ? odata`RowKey gt ${after}` : odata`RowKey ge ${JOURNAL_PREFIX}`);
  // Newest first: entries before `beforeMs` have row keys above its inverted time.
  if (range.beforeMs !== undefined) parts.push(odata`RowKey ge ${`${JOURNAL_PREFIX}${invertedTime(range.beforeMs)}}`}`);
  parts.push(odata`RowKey lt ${range.fromMs !== undefined ? `${JOURNAL_PREFIX}${invertedTime(range.fromMs)}}` : JOURNAL_END}`);
  if (range.kinds && range.kinds.length > 0) parts.push(`(${range.kinds.map((k) => odata`entryKind eq ${k}`).join(' or ')})`);
  if (range.goalId) parts.push(odata`goalId eq ${range.goalId}`);
  if (range.programOnly) parts.push(odata`visibility eq ${'program'}`);
  return parts.join(' and ');
}

export function journalTable(tables: Pick<Tables, 'plans'>): JournalStore {
  const { plans } = tables;

  async function read(pairId: string, rowKey: string) {
    try {
      return fromRow(journalEntrySchema, await plans.getEntity(encodeKey(pairId), rowKey));
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

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

    async get(pairId, entryId) {
      const pk = encodeKey(pairId);
      const byColumn = odata`PartitionKey eq ${pk} and RowKey ge ${JOURNAL_PREFIX} and RowKey lt ${JOURNAL_END} and entryId eq ${entryId}`;
      for await (const row of plans.listEntities({ queryOptions: { filter: byColumn } })) return fromRow(journalEntrySchema, row);
      // Entries written before the `entryId` column existed: the id ends their row key.
      const suffix = `|${encodeKey(entryId)}`;
      const keysOnly = odata`PartitionKey eq ${pk} and RowKey ge ${JOURNAL_PREFIX} and RowKey lt ${JOURNAL_END}`;
      for await (const row of plans.listEntities({ queryOptions: { filter: keysOnly, select: ['RowKey'] } })) {
        if (row.rowKey?.endsWith(suffix)) return read(pairId, row.rowKey);
      }
      return undefined;
    },

    async *entries(pairId, range) {
      const filter = rangeFilter(pairId, range);
      // Only the document (the ETag comes along); every write validated it with the schema already.
      for await (const row of plans.listEntities({ queryOptions: { filter, select: ['RowKey', 'data'] } })) {
        yield { entry: decodeValidatedRow<JournalEntry>(row), cursor: cursorOf(row.rowKey ?? '') };
      }
    },

    async update(entry, etag) {
      const row = journalRow(entry);
      try {
        const res = await plans.updateEntity(row, 'Replace', { etag });
        return ok({ value: journalEntrySchema.parse(entry), etag: res.etag ?? '' });
      } catch (e) {
        if (isConflict(e)) {
          const current = await read(entry.pairId, row.rowKey);
          return fail('conflict', 'Someone changed this entry after you opened it. Review it and apply your change again.', {
            ...(current ? { current } : {}),
          });
        }
        if (isNotFound(e)) return fail('not_found', 'That journal entry no longer exists.');
        throw e;
      }
    },

    async delete(entry, etag) {
      try {
        await plans.deleteEntity(encodeKey(entry.pairId), journalKey(entry), { etag });
        return ok(undefined);
      } catch (e) {
        if (isConflict(e)) return fail('conflict', 'Someone changed this entry after you opened it. Review it and delete it again.');
        if (isNotFound(e)) return fail('not_found', 'That journal entry no longer exists.');
        throw e;
      }
    },
  };
}
