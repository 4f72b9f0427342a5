// The Digest table (see tables.ts): program channels, the digest index (a consented win filed under
// its program and week, so building a digest reads two small partitions, never every pair), and the
// record of each week's digest that makes it go out once.
import { odata } from '@azure/data-tables';
import { z } from 'zod';
import { isoInstant } from '../../shared/dates';
import { programChannel, type ProgramChannel, type ProgramChannelRepository } from '../../shared/recognition/programChannel';
import type { DigestEntryRef, DigestIndex } from '../../shared/recognition/recognitionRepositories';
import { fail, ok, type Versioned } from '../../shared/result';
import { fromRow, isConflict, isNotFound, toRow, ifMatch } from './entityCodec';
import { encodeKey, type Tables } from './tables';

const CHANNEL_PK = 'channel';
const WEEK_RK = 'digest';
const weekPartition = (programId: string, week: string) => `${encodeKey(programId)}|${week}`;
const entryKey = (pairId: string, winId: string) => `${encodeKey(pairId)}|${encodeKey(winId)}`;

export function digestIndexTable(tables: Pick<Tables, 'digest'>): DigestIndex {
  const { digest } = tables;
  return {
    async file(ref) {
      await digest.upsertEntity(
        {
          partitionKey: weekPartition(ref.programId, ref.week),
          rowKey: entryKey(ref.pairId, ref.winId),
          kind: 'win',
          pairId: ref.pairId,
          winId: ref.winId,
        },
        'Replace',
      );
    },
    async remove(ref) {
      try {
        await digest.deleteEntity(weekPartition(ref.programId, ref.week), entryKey(ref.pairId, ref.winId));
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    },
    async listWeek(programId, week) {
      const filter = odata`PartitionKey eq ${weekPartition(programId, week)} and kind eq ${'win'}`;
      const out: DigestEntryRef[] = [];
      for await (const row of digest.listEntities<{ pairId: string; winId: string }>({
        queryOptions: { filter, select: ['pairId', 'winId'] },
      })) {
        out.push({ programId, week, pairId: row.pairId, winId: row.winId });
      }
      return out;
    },
  };
}

export function programChannelTable(tables: Pick<Tables, 'digest'>): ProgramChannelRepository {
  const { digest } = tables;
  const row = (c: ProgramChannel) => toRow(CHANNEL_PK, encodeKey(c.programId), c, { kind: 'channel' });

  async function get(programId: string): Promise<Versioned<ProgramChannel> | undefined> {
    try {
      return fromRow(programChannel, await digest.getEntity(CHANNEL_PK, encodeKey(programId)));
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  return {
    get,
    async list() {
      const out: Versioned<ProgramChannel>[] = [];
      for await (const r of digest.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${CHANNEL_PK}` } }))
        out.push(fromRow(programChannel, r));
      return out;
    },
    async save(value, etag) {
      const valid = programChannel.parse(value);
      try {
        const res =
          etag === undefined ? await digest.createEntity(row(valid)) : await digest.updateEntity(row(valid), 'Replace', ifMatch(etag));
        return ok({ value: valid, etag: res.etag ?? '' });
      } catch (e) {
        if (isConflict(e) || isNotFound(e)) return fail('conflict', 'The program channel changed meanwhile.');
        throw e;
      }
    },
  };
}

export const digestWeekRecord = z
  .object({
    programId: z.string(),
    week: z.string(),
    /** `sending`: claimed by `owner` until `leaseUntil`. `sent`: posted (or nothing to post). `undeliverable`: the bot left the channel. */
    status: z.enum(['sending', 'sent', 'undeliverable']),
    owner: z.string(),
    leaseUntil: isoInstant,
    claims: z.number().int().min(1),
    /** `{pairId}|{winId}` of every win the digest counted, so the next week's digest does not show them again. */
    winKeys: z.array(z.string()).max(1_000).default([]),
    activityId: z.string().optional(),
    sentAt: isoInstant.optional(),
  })
  .strict();
export type DigestWeekRecord = z.infer<typeof digestWeekRecord>;

export interface DigestWeekRecords {
  get(programId: string, week: string): Promise<Versioned<DigestWeekRecord> | undefined>;
  /** Claims the week: creates the record, or takes over `previous` under its ETag. Undefined when another run got there first. */
  claim(record: DigestWeekRecord, previous: Versioned<DigestWeekRecord> | undefined): Promise<Versioned<DigestWeekRecord> | undefined>;
  /** Replaces the claimed record under its ETag; false when the claim was lost meanwhile. */
  update(record: DigestWeekRecord, etag: string): Promise<boolean>;
}

export function digestWeekTable(tables: Pick<Tables, 'digest'>): DigestWeekRecords {
  const { digest } = tables;
  const row = (r: DigestWeekRecord) => toRow(weekPartition(r.programId, r.week), WEEK_RK, r, { kind: 'digest', status: r.status });
  return {
    async get(programId, week) {
      try {
        return fromRow(digestWeekRecord, await digest.getEntity(weekPartition(programId, week), WEEK_RK));
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
    async claim(record, previous) {
      const valid = digestWeekRecord.parse(record);
      try {
        const res = previous
          ? await digest.updateEntity(row(valid), 'Replace', { etag: previous.etag })
          : await digest.createEntity(row(valid));
        return { value: valid, etag: res.etag ?? '' };
      } catch (e) {
        if (isConflict(e) || isNotFound(e)) return undefined;
        throw e;
      }
    },
    async update(record, etag) {
      try {
        await digest.updateEntity(row(digestWeekRecord.parse(record)), 'Replace', ifMatch(etag));
        return true;
      } catch (e) {
        if (isConflict(e) || isNotFound(e)) return false;
        throw e;
      }
    },
  };
}
