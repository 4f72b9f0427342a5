// The program's retention period (capability 14): the data of a pair that ended longer ago than
// the period is purged, every row of it in every table. Pure: which pairs have expired, and which
// rows belong to them; bot/jobs/retentionJob.ts reads the tables and deletes them.
import type { StoredRow } from './personalData';

/** Days the data of an ended pair is kept when the program sets no period: two years. */
export const DEFAULT_RETENTION_DAYS = 730;

export const retentionDaysOf = (program: { retentionDays?: number } | undefined): number =>
  program?.retentionDays ?? DEFAULT_RETENTION_DAYS;

const DAY_MS = 24 * 60 * 60 * 1000;

/** An ended pair whose data is older than the retention period. A pair that is not ended never expires. */
export function pairExpired(pair: { status: string; endedAt?: string }, retentionDays: number, now: Date): boolean {
  if (pair.status !== 'ended' || !pair.endedAt) return false;
  return now.getTime() - Date.parse(pair.endedAt) > retentionDays * DAY_MS;
}

/**
 * Whether a row belongs to one of the pairs: its partition is the pair's (a plan), a segment of its
 * keys names the pair (indexes: `{pairId}|{requestId}`, `{dueAt}|{pairId}`), or it says so in a
 * `pairId` column.
 */
export function rowOfPairs(row: StoredRow, pairIds: ReadonlySet<string>): boolean {
  if (pairIds.has(row.partitionKey)) return true;
  if (row.rowKey.split('|').some((segment) => pairIds.has(segment))) return true;
  const column = row.properties.pairId;
  return typeof column === 'string' && pairIds.has(column);
}
