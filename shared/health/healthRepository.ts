// Storage ports of program health (bot/storage/programHealthTable.ts): a pair's own rows as the
// health reads them, and the kept-up-to-date rows of each program (pair rows, slice totals, at-risk
// rows), written together so the totals always equal the sum of the pair rows (a pair that is gone
// is taken out the same way). A dashboard reads read copies of the totals rows kept in a small
// partition, each at least as new as the last write that finished (a copy a crash left older is
// written again by the daily recheck). The daily recheck also reads the pairs filed for a recheck
// and the records of refreshes owed: writes whose refresh no instance has run yet.
import type { Mentorship } from '../mentorship';
import type { Result } from '../result';
import type { AtRiskSignalsRow } from './healthView';
import type { PairHealthRow, PairHealthSourceRows } from './pairHealth';
import type { PairContribution } from './programHealth';

/** A record that a pair's health is owed a refresh, as stored (its ETag tells a newer record apart). */
export interface OwedRefresh {
  pairId: string;
  etag: string;
}

export interface SliceHealth {
  totals: PairContribution | undefined;
  atRisk: AtRiskSignalsRow[];
  slicePairs: Record<string, number>;
}

export interface PairHealthSource {
  /** The pair's rows the health reads, in one partition query; undefined when the pair is gone. */
  read(pairId: string): Promise<PairHealthSourceRows | undefined>;
  /** The ids of every pair of a program in its tenant (from the program's pair index; rebuild and repair only). */
  pairsOfProgram(program: Pick<Mentorship, 'programId' | 'tenantId'>): Promise<string[]>;
}

export interface ProgramHealthRepository {
  get(programId: string, pairId: string): Promise<{ row: PairHealthRow; etag: string } | undefined>;
  /**
   * Replaces the pair's row (`before` under its ETag, or a create) and moves the totals of every
   * slice either row counts in by the difference, in one transaction, then writes the read copies
   * of the totals it moved. A `conflict` when the pair row or a totals row changed meanwhile:
   * nothing is written, the caller reads again.
   */
  replace(before: { row: PairHealthRow; etag: string } | undefined, after: PairHealthRow): Promise<Result<void>>;
  /**
   * Takes a pair that is gone out of its program's health: its contribution leaves the totals of
   * every slice it counted in, its at-risk rows and listed entries go, its read copies follow, in
   * one transaction under the ETags as `replace`; then its row is deleted. A `conflict` as `replace`.
   */
  remove(before: { row: PairHealthRow; etag: string }): Promise<Result<void>>;
  /**
   * What a dashboard reads of a slice, in two point reads however many pairs: the slice's totals,
   * up to AT_RISK_LISTED of its pairs at risk, and how many pairs every slice of the program holds.
   * It reads the read copies of the totals rows (a missing copy is filled from its totals row).
   */
  read(programId: string, slice: string): Promise<SliceHealth>;
  /**
   * Deletes every health row of the program and writes these instead (rebuild), with their read
   * copies. A refresh racing it (a row it was to delete gone already, one it writes there already)
   * does not stop it: its rows and totals replace what they find.
   */
  rebuild(programId: string, rows: PairHealthRow[]): Promise<void>;
  /** Writes again every read copy older than its totals row, in every program; how many it wrote. */
  recopy(): Promise<number>;
  /** The pairs filed for a recheck on or before `day` (program, pair). */
  dueForRecheck(day: string): Promise<{ day: string; programId: string; pairId: string }[]>;
  /** Files a pair for a recheck on `day` (one idempotent upsert). */
  fileRecheck(entry: { day: string; programId: string; pairId: string; tenantId: string }): Promise<void>;
  /** Removes a pair's recheck entry once it was refreshed. */
  doneRecheck(entry: { day: string; programId: string; pairId: string }): Promise<void>;
  /** Records that a pair is owed a refresh (one idempotent upsert); the record's ETag. */
  oweRefresh(pairId: string): Promise<string>;
  /** The pairs owed a refresh whose record was last written before `writtenBefore`, each with its record's ETag. */
  refreshesOwed(writtenBefore: Date): Promise<OwedRefresh[]>;
  /** Removes a record of a refresh owed under its ETag: a record written again since stays. */
  paidRefresh(owed: OwedRefresh): Promise<void>;
}
