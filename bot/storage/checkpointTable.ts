// Checkpoints in the Plans table, in the pair's partition (see tables.ts): `checkpoint|{dueDate}`
// holds the current version, `checkpointrev|{dueDate}|{revision}` each signed-off version a
// correction replaced, `cpreminder|{dueDate}|{role}` each reminder sent. The final sign-off writes
// the checkpoint, its journal entry and the goal recalibrations in one transaction.
import { odata, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import { checkpoint as checkpointSchema, type Checkpoint } from '../../shared/checkpoints/checkpoint';
import type { CheckpointReminderLog, CheckpointReminderRecord, CheckpointRepository } from '../../shared/checkpoints/checkpointRepository';
import { fail, ok, type Result, type Versioned } from '../../shared/result';
import { fromRow, isConflict, isNotFound, toRow } from './entityCodec';
import { journalRow } from './journalTable';
import { goalChangeActions } from './planTable';
import { encodeKey, type Tables } from './tables';

const CURRENT = 'checkpoint|';
const currentKey = (dueDate: string) => `${CURRENT}${dueDate}`;
const revisionPrefix = (dueDate: string) => `checkpointrev|${dueDate}|`;
const revisionKey = (dueDate: string, revision: number) => `${revisionPrefix(dueDate)}${String(revision).padStart(6, '0')}`;
const reminderKey = (dueDate: string, role: string) => `cpreminder|${dueDate}|${role}`;

const row = (c: Checkpoint, key = currentKey(c.dueDate)) =>
  toRow(encodeKey(c.pairId), key, c, { kind: 'checkpoint', tenantId: c.tenantId, status: c.status });

/** A failed transaction reports the failing operation's status on the error. */
const statusOf = (e: unknown) => (e as { statusCode?: number } | null)?.statusCode;

const reminderRecord = z
  .object({
    tenantId: z.string().min(1).max(64),
    pairId: z.string(),
    dueDate: z.string(),
    role: z.enum(['mentor', 'mentee']),
    sentAt: z.string(),
  })
  .strict();

export function checkpointTable(tables: Pick<Tables, 'plans'>): CheckpointRepository {
  const { plans } = tables;

  async function get(pairId: string, dueDate: string): Promise<Versioned<Checkpoint> | undefined> {
    try {
      return fromRow(checkpointSchema, await plans.getEntity(encodeKey(pairId), currentKey(dueDate)));
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  const conflict = async (c: Checkpoint): Promise<Result<Versioned<Checkpoint>>> => {
    const current = await get(c.pairId, c.dueDate);
    return fail('conflict', 'Someone changed this checkpoint after you opened it. Review it and apply your change again.', {
      ...(current ? { current } : {}),
    });
  };

  async function transaction(c: Checkpoint, actions: TransactionAction[]): Promise<Result<Versioned<Checkpoint>>> {
    try {
      const res = await plans.submitTransaction(actions);
      // Sub-responses come in the order of the actions; the checkpoint is the first.
      const etag = res.subResponses[0]?.etag?.trim() || (await get(c.pairId, c.dueDate))?.etag || '';
      return ok({ value: c, etag });
    } catch (e) {
      const status = statusOf(e);
      if (status === 412 || status === 409) return conflict(c);
      if (status === 404) return fail('not_found', 'That checkpoint no longer exists.');
      throw e;
    }
  }

  return {
    get,

    async list(pairId) {
      const filter = odata`PartitionKey eq ${encodeKey(pairId)} and RowKey ge ${CURRENT} and RowKey lt ${'checkpoint}'}`;
      const out: Versioned<Checkpoint>[] = [];
      for await (const r of plans.listEntities({ queryOptions: { filter } })) out.push(fromRow(checkpointSchema, r));
      return out.sort((a, b) => a.value.dueDate.localeCompare(b.value.dueDate));
    },

    async revisions(pairId, dueDate) {
      const prefix = revisionPrefix(dueDate);
      const filter = odata`PartitionKey eq ${encodeKey(pairId)} and RowKey ge ${prefix} and RowKey lt ${`${prefix}~`}`;
      const out: Checkpoint[] = [];
      for await (const r of plans.listEntities({ queryOptions: { filter } })) out.push(fromRow(checkpointSchema, r).value);
      return out.sort((a, b) => a.revision - b.revision);
    },

    async create(value) {
      const valid = checkpointSchema.parse(value);
      try {
        const res = await plans.createEntity(row(valid));
        return ok({ value: valid, etag: res.etag ?? '' });
      } catch (e) {
        if (isConflict(e)) return conflict(valid);
        throw e;
      }
    },

    async update(value, etag) {
      const valid = checkpointSchema.parse(value);
      try {
        const res = await plans.updateEntity(row(valid), 'Replace', { etag });
        return ok({ value: valid, etag: res.etag ?? '' });
      } catch (e) {
        if (isNotFound(e)) return fail('not_found', 'That checkpoint no longer exists.');
        if (isConflict(e)) return conflict(valid);
        throw e;
      }
    },

    signOff(value, etag, journal, recalibrations) {
      const valid = checkpointSchema.parse(value);
      if (journal.pairId !== valid.pairId) throw new Error('A checkpoint’s journal entry belongs to its pair');
      return transaction(valid, [
        ['update', row(valid), 'Replace', { etag }],
        ['create', journalRow(journal)],
        ...recalibrations.flatMap((r) => goalChangeActions(r.goal, r.etag, r.revision)),
      ]);
    },

    correct(kept, next, etag) {
      const old = checkpointSchema.parse(kept);
      const valid = checkpointSchema.parse(next);
      return transaction(valid, [
        ['update', row(valid), 'Replace', { etag }],
        ['create', row(old, revisionKey(old.dueDate, old.revision))],
      ]);
    },
  };
}

export function checkpointReminderTable(tables: Pick<Tables, 'plans'>): CheckpointReminderLog {
  const { plans } = tables;
  return {
    async get(pairId, dueDate, role) {
      try {
        const r = await plans.getEntity(encodeKey(pairId), reminderKey(dueDate, role));
        return fromRow(reminderRecord, r).value as CheckpointReminderRecord;
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
    async record(reminder) {
      const valid = reminderRecord.parse(reminder) as CheckpointReminderRecord;
      try {
        await plans.createEntity(
          toRow(encodeKey(valid.pairId), reminderKey(valid.dueDate, valid.role), valid, { kind: 'cpreminder', tenantId: valid.tenantId }),
        );
        return ok(valid);
      } catch (e) {
        if (isConflict(e)) return fail('conflict', 'This reminder was sent already.');
        throw e;
      }
    },
  };
}
