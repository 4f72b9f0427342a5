// The open-request index (table OpenFeedback, see tables.ts): one row per open 360 request,
// partitioned by its close date, so the feedback jobs find what to remind or close with one
// PartitionKey range query instead of reading every pair. Rows are hints: the request row in the
// pair's partition decides, and a row whose request is closed or gone is dropped when met.
import { odata } from '@azure/data-tables';
import type { IsoDate } from '../../shared/dates';
import { isNotFound } from './entityCodec';
import { decodeKey, encodeKey, type Tables } from './tables';

export interface OpenFeedbackRow {
  pairId: string;
  requestId: string;
  closesOn: IsoDate;
}

// Ids are entity ids (letters, digits, - and _), so '|' separates them unambiguously.
const rowKey = (row: Pick<OpenFeedbackRow, 'pairId' | 'requestId'>) => `${encodeKey(row.pairId)}|${encodeKey(row.requestId)}`;

export function openFeedbackTable(tables: Pick<Tables, 'openFeedback'>) {
  const table = tables.openFeedback;

  return {
    /** Files an open request; filing it again is harmless (upsert of the same content). */
    async file(row: OpenFeedbackRow): Promise<void> {
      await table.upsertEntity(
        { partitionKey: row.closesOn, rowKey: rowKey(row), pairId: row.pairId, requestId: row.requestId },
        'Replace',
      );
    },

    /** Drops a request that closed (or never came to be); gone already is fine. */
    async forget(row: OpenFeedbackRow): Promise<void> {
      try {
        await table.deleteEntity(row.closesOn, rowKey(row));
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    },

    /** Every open request closing on or before `date`, earliest first. */
    async closingBy(date: IsoDate): Promise<OpenFeedbackRow[]> {
      const out: OpenFeedbackRow[] = [];
      const rows = table.listEntities<{ pairId?: string; requestId?: string }>({
        queryOptions: { filter: odata`PartitionKey le ${date}` },
      });
      for await (const row of rows) {
        const [pairKey = '', requestKey = ''] = (row.rowKey ?? '').split('|');
        out.push({
          closesOn: row.partitionKey ?? '',
          pairId: row.pairId ?? decodeKey(pairKey),
          requestId: row.requestId ?? decodeKey(requestKey),
        });
      }
      return out;
    },
  };
}

export type OpenFeedbackIndex = ReturnType<typeof openFeedbackTable>;
