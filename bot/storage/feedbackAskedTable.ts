// The asked-of-me index (table FeedbackAsked, see tables.ts): one row per respondent of a 360
// request, partitioned by the respondent, so "what was I asked" is one partition query instead of a
// read of every pair. Rows are hints, filed before the request row is written (feedbackTable.ts): a
// request that exists is always found, and a row whose request write failed points at nothing and
// is passed over by the inbox (shared/feedback/feedbackInbox.ts), which reads the request row.
import { odata } from '@azure/data-tables';
import type { FeedbackAskedIndex } from '../../shared/feedback/feedbackInbox';
import type { FeedbackRequestRef } from '../../shared/feedback/feedbackService';
import { decodeKey, encodeKey, type Tables } from './tables';

// The largest instant a JS Date holds, in ms: inverting against it makes newer requests sort first.
const MAX_TIME_MS = 8_640_000_000_000_000;
const invertedTime = (iso: string) => String(MAX_TIME_MS - Date.parse(iso)).padStart(16, '0');
// Ids are entity ids (letters, digits, - and _), so '|' separates the parts unambiguously.
const rowKey = (createdAt: string, ref: FeedbackRequestRef) =>
  `${invertedTime(createdAt)}|${encodeKey(ref.pairId)}|${encodeKey(ref.requestId)}`;

export function feedbackAskedTable(tables: Pick<Tables, 'feedbackAsked'>): FeedbackAskedIndex {
  const table = tables.feedbackAsked;
  return {
    async file(request) {
      const ref = { pairId: request.pairId, requestId: request.id };
      await Promise.all(
        request.respondents.map((r) =>
          table.upsertEntity({ partitionKey: encodeKey(r.personId), rowKey: rowKey(request.createdAt, ref), ...ref }, 'Replace'),
        ),
      );
    },

    async askedOf(personId, limit) {
      const out: FeedbackRequestRef[] = [];
      const pages = table
        .listEntities<{ pairId?: string; requestId?: string }>({ queryOptions: { filter: odata`PartitionKey eq ${encodeKey(personId)}` } })
        .byPage({ maxPageSize: limit });
      for await (const page of pages) {
        for (const row of page) {
          const [, pairKey = '', requestKey = ''] = (row.rowKey ?? '').split('|');
          out.push({ pairId: row.pairId ?? decodeKey(pairKey), requestId: row.requestId ?? decodeKey(requestKey) });
        }
        break;
      }
      return out.slice(0, limit);
    },
  };
}
