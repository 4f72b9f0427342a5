// Storage port of checkpoints: rows in the pair's partition of the Plans table (bot/storage/checkpointTable.ts).
import type { Goal, GoalRevision } from '../goal';
import type { JournalEntry } from '../journal/journalEntry';
import type { PairRole } from '../mentorship';
import type { Result, Versioned } from '../result';
import type { Checkpoint } from './checkpoint';

/** A goal change a sign-off writes with it: the goal under the ETag read, and its history entry. */
export interface GoalRecalibrationWrite {
  goal: Goal;
  etag: string;
  revision: GoalRevision;
}

export interface CheckpointRepository {
  get(pairId: string, dueDate: string): Promise<Versioned<Checkpoint> | undefined>;
  /** The current version of every checkpoint of the pair, oldest first. */
  list(pairId: string): Promise<Versioned<Checkpoint>[]>;
  /** The signed-off revisions a correction replaced, oldest first. */
  revisions(pairId: string, dueDate: string): Promise<Checkpoint[]>;
  /** A second create for the same date is a `conflict` carrying the current version. */
  create(checkpoint: Checkpoint): Promise<Result<Versioned<Checkpoint>>>;
  /** Replaces the checkpoint if the ETag matches; a mismatch is a `conflict` with the current version. */
  update(checkpoint: Checkpoint, etag: string): Promise<Result<Versioned<Checkpoint>>>;
  /**
   * The final sign-off, in one transaction: the checkpoint (ETag), its journal entry and each goal
   * recalibration (goal under its ETag plus its history entry). Any conflict writes nothing.
   */
  signOff(
    checkpoint: Checkpoint,
    etag: string,
    journal: JournalEntry,
    recalibrations: readonly GoalRecalibrationWrite[],
  ): Promise<Result<Versioned<Checkpoint>>>;
  /** In one transaction: keeps the signed-off version as a revision row and replaces it (ETag) with the correction's draft. */
  correct(kept: Checkpoint, next: Checkpoint, etag: string): Promise<Result<Versioned<Checkpoint>>>;
}

/** Which checkpoint reminders went out: one row per checkpoint and person, so a reminder is sent once. */
export interface CheckpointReminderRecord {
  tenantId: string;
  pairId: string;
  dueDate: string;
  role: PairRole;
  sentAt: string;
}

export interface CheckpointReminderLog {
  get(pairId: string, dueDate: string, role: PairRole): Promise<CheckpointReminderRecord | undefined>;
  /** A second record of the same reminder is a `conflict`: sent once. */
  record(reminder: CheckpointReminderRecord): Promise<Result<CheckpointReminderRecord>>;
}
