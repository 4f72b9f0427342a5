// Wins in the Plans table: rows `win|{winId}` in the pair's partition (see tables.ts), created in
// one transaction with their journal entry. Keyed by id, not time, so the consent switch and the
// digest read a win with one point read; a pair's wins are few, so listing sorts them in memory.
import { createHash } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { z } from 'zod';
import type { JournalEntry } from '../../shared/journal/journalEntry';
import type { WinRepository } from '../../shared/recognition/recognitionRepositories';
import { win as winSchema, type Win } from '../../shared/recognition/win';
import { fail, ok, type Versioned } from '../../shared/result';
import { fromRow, isConflict, isNotFound, toRow, ifMatch } from './entityCodec';
import { journalRow } from './journalTable';
import { oneAtATime } from './oneAtATime';
import { encodeKey, type Tables } from './tables';

const WIN_PREFIX = 'win|';
/**
 * One row per sender and win text (and goal): the last win recorded with them and when. Written in
 * the win's transaction under its ETag, so identical wins sent at once store one.
 */
const retryKey = (w: Win) =>
  `winretry|${createHash('sha256')
    .update([w.recognizedBy, w.goalId ?? '', w.text].join('\u0000'))
    .digest('hex')
    .slice(0, 40)}`;
const retryRow = z.object({ winId: z.string(), at: z.string() });
const RETRY_ATTEMPTS = 20;
const winKey = (winId: string) => `${WIN_PREFIX}${encodeKey(winId)}`;
const winRow = (w: Win) => toRow(encodeKey(w.pairId), winKey(w.id), w, { kind: 'win', shareInDigest: w.shareInDigest });

/** A failed transaction reports the failing operation's status on the error. */
const statusOf = (e: unknown) => (e as { statusCode?: number } | null)?.statusCode;

export function winTable(tables: Pick<Tables, 'plans'>): WinRepository {
  const { plans } = tables;
  const queued = oneAtATime();

  async function get(pairId: string, winId: string): Promise<Versioned<Win> | undefined> {
    try {
      return fromRow(winSchema, await plans.getEntity(encodeKey(pairId), winKey(winId)));
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  return {
    get,

    async create(value: Win, entry: JournalEntry, sameSince?: string) {
      const valid = winSchema.parse(value);
      if (entry.pairId !== valid.pairId || entry.winId !== valid.id)
        throw new Error('A win’s journal entry belongs to the win, in its partition');
      const pk = encodeKey(valid.pairId);
      const key = retryKey(valid);
      return queued(`${pk}\u0000${key}`, async () => {
        for (let attempt = 0; attempt < RETRY_ATTEMPTS; attempt++) {
          let last: Versioned<z.infer<typeof retryRow>> | undefined;
          try {
            last = fromRow(retryRow, await plans.getEntity(pk, key));
          } catch (e) {
            if (!isNotFound(e)) throw e;
          }
          if (last && sameSince !== undefined && last.value.at >= sameSince) {
            const earlier = await get(valid.pairId, last.value.winId);
            if (earlier) return fail('conflict', 'This win was recorded already.', { current: earlier });
          }
          const marker = toRow(pk, key, { winId: valid.id, at: valid.at }, { kind: 'winretry' });
          try {
            const res = await plans.submitTransaction([
              ['create', winRow(valid)],
              ['create', journalRow(entry)],
              last ? ['update', marker, 'Replace', { etag: last.etag }] : ['create', marker],
            ]);
            // Sub-responses come in the order of the actions; the win is the first.
            const etag = res.subResponses[0]?.etag?.trim() || (await get(valid.pairId, valid.id))?.etag || '';
            return ok({ value: valid, etag });
          } catch (e) {
            // Another win with the same text took the marker first: look again at what it recorded.
            if (statusOf(e) === 409 || statusOf(e) === 412) continue;
            throw e;
          }
        }
        return fail('conflict', 'This win was recorded already.');
      });
    },

    async list(pairId) {
      const filter = odata`PartitionKey eq ${encodeKey(pairId)} and RowKey ge ${WIN_PREFIX} and RowKey lt ${'win}'}`;
      const out: Versioned<Win>[] = [];
      for await (const row of plans.listEntities({ queryOptions: { filter } })) out.push(fromRow(winSchema, row));
      return out.sort((a, b) => b.value.at.localeCompare(a.value.at) || b.value.id.localeCompare(a.value.id));
    },

    async update(value, etag) {
      const valid = winSchema.parse(value);
      try {
        const res = await plans.updateEntity(winRow(valid), 'Replace', ifMatch(etag));
        return ok({ value: valid, etag: res.etag ?? '' });
      } catch (e) {
        if (isNotFound(e)) return fail('not_found', 'That win no longer exists.');
        if (isConflict(e)) {
          const current = await get(valid.pairId, valid.id);
          return fail('conflict', 'This win changed after you opened it. Review it and choose again.', current ? { current } : {});
        }
        throw e;
      }
    },
  };
}
