// The due index (table CheckInsDue, see tables.ts): one row per planned check-in, partitioned by
// the UTC hour it is due, so "what is due now" is a few partition queries over the hours since the
// last run instead of a scan of every pair. Rows are hints: the pair's schedule row decides, and a
// row whose schedule moved on (paused, snoozed, sent) is simply deleted when met.
//
// The sender claims a row with a lease written under the row's ETag: of two instances only one
// write succeeds (412 for the other), and a lease whose holder died expires and can be taken again.
import { odata, RestError, type TableClient } from '@azure/data-tables';
import { isConflict, isNotFound } from './entityCodec';
import { encodeKey, type Tables } from './tables';

export interface DueRow {
  partitionKey: string;
  rowKey: string;
  pairId: string;
  slot: string;
  dueAt: string;
  /** ISO instant until which `leaseOwner` holds the row; empty when nobody does. */
  leaseUntil: string;
  leaseOwner: string;
  /** How many times the row was claimed: a row that keeps failing shows up in logs. */
  claims: number;
  etag: string;
}

const CURSOR_PK = 'cursor';
const CURSOR_RK = 'sender';

/** The hour bucket of an instant: `2026-11-21T09` (UTC), sortable as text. */
export const dueBucket = (instant: string | Date): string =>
  (typeof instant === 'string' ? new Date(instant) : instant).toISOString().slice(0, 13);

export const dueRowKey = (dueAt: string, pairId: string) => `${dueAt}|${encodeKey(pairId)}`;

/** The hour buckets from `from` to `to`, both included. */
export function bucketsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}:00:00.000Z`); ; t += 3_600_000) {
    const bucket = dueBucket(new Date(t));
    if (bucket > to) return out;
    out.push(bucket);
  }
}

type RawRow = Omit<DueRow, 'etag' | 'partitionKey' | 'rowKey'> & { partitionKey?: string; rowKey?: string; etag: string };

const toDueRow = (row: RawRow): DueRow => ({
  partitionKey: row.partitionKey ?? '',
  rowKey: row.rowKey ?? '',
  pairId: row.pairId,
  slot: row.slot,
  dueAt: row.dueAt,
  leaseUntil: row.leaseUntil ?? '',
  leaseOwner: row.leaseOwner ?? '',
  claims: row.claims ?? 0,
  etag: row.etag,
});

export function checkInDueTable(tables: Pick<Tables, 'checkInsDue'>) {
  const table: TableClient = tables.checkInsDue;

  return {
    /**
     * Files a planned check-in. Create-if-absent: a row that exists already (the same pair and due
     * time) may carry a sender's lease, which an overwrite would wipe.
     */
    async file(entry: { pairId: string; slot: string; dueAt: string }): Promise<void> {
      try {
        await table.createEntity({
          partitionKey: dueBucket(entry.dueAt),
          rowKey: dueRowKey(entry.dueAt, entry.pairId),
          ...entry,
          leaseUntil: '',
          leaseOwner: '',
          claims: 0,
        });
      } catch (e) {
        if (!isConflict(e)) throw e;
      }
    },

    /** Drops a row the schedule no longer plans; gone already is fine. */
    async forget(entry: { pairId: string; dueAt: string }): Promise<void> {
      try {
        await table.deleteEntity(dueBucket(entry.dueAt), dueRowKey(entry.dueAt, entry.pairId));
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    },

    /** The rows of one hour bucket due at or before `now`, oldest first. Reads only those rows. */
    async listDue(bucket: string, now: Date): Promise<DueRow[]> {
      // Row keys start with the due instant; '}' sorts after the '|' that ends it.
      const filter = odata`PartitionKey eq ${bucket} and RowKey lt ${`${now.toISOString()}}`}`;
      const rows: DueRow[] = [];
      for await (const row of table.listEntities<RawRow>({ queryOptions: { filter } })) rows.push(toDueRow(row));
      return rows;
    },

    /**
     * Takes (or renews) the lease on a row, under the ETag last seen. Undefined: someone else wrote
     * the row since (another instance claimed it, or it was deleted).
     */
    async claim(row: DueRow, owner: string, leaseUntil: Date, renewal = false): Promise<DueRow | undefined> {
      const next: DueRow = {
        ...row,
        leaseOwner: owner,
        leaseUntil: leaseUntil.toISOString(),
        claims: renewal ? row.claims : row.claims + 1,
      };
      const { etag: _etag, ...entity } = next;
      try {
        const res = await table.updateEntity(entity, 'Replace', { etag: row.etag });
        return { ...next, etag: res.etag ?? '' };
      } catch (e) {
        if (isConflict(e) || isNotFound(e)) return undefined;
        throw e;
      }
    },

    /** Deletes a row the caller holds (ETag); false when someone else wrote it meanwhile. */
    async release(row: DueRow): Promise<boolean> {
      try {
        await table.deleteEntity(row.partitionKey, row.rowKey, { etag: row.etag });
        return true;
      } catch (e) {
        if (isConflict(e) || isNotFound(e)) return false;
        throw e;
      }
    },

    async cursor(): Promise<{ bucket: string; etag: string } | undefined> {
      try {
        const row = await table.getEntity<{ bucket: string }>(CURSOR_PK, CURSOR_RK);
        return { bucket: row.bucket, etag: row.etag };
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },

    /** Moves the cursor forward only; a concurrent move (412/409) is left to win. */
    async advanceCursor(bucket: string, seen: { bucket: string; etag: string } | undefined): Promise<void> {
      if (seen && bucket <= seen.bucket) return;
      try {
        if (seen) await table.updateEntity({ partitionKey: CURSOR_PK, rowKey: CURSOR_RK, bucket }, 'Replace', { etag: seen.etag });
        else await table.createEntity({ partitionKey: CURSOR_PK, rowKey: CURSOR_RK, bucket });
      } catch (e) {
        if (!(e instanceof RestError && isConflict(e))) throw e;
      }
    },
  };
}

export type CheckInDueIndex = ReturnType<typeof checkInDueTable>;
