// Every table's rows as plain StoredRows (shared/privacy/personalData.ts), and the writes an erasure
// or a purge makes of them. A data-rights request reads every table once: a free-text mention of a
// person can be anywhere, and such requests are rare.
import { RestError, type TableClient, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import type { StoredRow } from '../../shared/privacy/personalData';
import type { Tables } from '../storage/tables';

const bookkeeping = new Set(['partitionKey', 'rowKey', 'etag', 'timestamp', 'odata.etag', 'odata.metadata']);

export function storedRowOf(table: string, entity: TableEntityResult<Record<string, unknown>>): StoredRow {
  const properties = Object.fromEntries(Object.entries(entity).filter(([k]) => !bookkeeping.has(k)));
  return { table, partitionKey: entity.partitionKey ?? '', rowKey: entity.rowKey ?? '', etag: entity.etag, properties };
}

/** The stored name of a table client (with the environment's prefix stripped by the caller's map). */
export async function readTable(client: TableClient, name: string, filter?: string): Promise<StoredRow[]> {
  const out: StoredRow[] = [];
  for await (const entity of client.listEntities<Record<string, unknown>>(filter ? { queryOptions: { filter } } : {}))
    out.push(storedRowOf(name, entity));
  return out;
}

/** Every row of every table, each named by its table's name without the environment's prefix. */
export async function readAllTables(tables: Tables, names: Record<string, string>): Promise<StoredRow[]> {
  const all = await Promise.all(Object.entries(tables).map(([key, client]) => readTable(client, names[key] ?? key)));
  return all.flat();
}

const entityOf = (row: StoredRow) =>
  ({ partitionKey: row.partitionKey, rowKey: row.rowKey, ...row.properties }) as Record<string, unknown> & {
    partitionKey: string;
    rowKey: string;
  };

const isStatus = (e: unknown, ...codes: number[]) => e instanceof RestError && codes.includes(e.statusCode ?? 0);

/** Deletes rows, a partition's rows in transactions of 100; one already gone is fine. */
export async function deleteRows(client: TableClient, rows: readonly StoredRow[]): Promise<void> {
  const byPartition = new Map<string, StoredRow[]>();
  for (const row of rows) byPartition.set(row.partitionKey, [...(byPartition.get(row.partitionKey) ?? []), row]);
  for (const [, partition] of byPartition) {
    for (let i = 0; i < partition.length; i += 100) {
      const chunk = partition.slice(i, i + 100);
      if (chunk.length === 1) {
        try {
          await client.deleteEntity(chunk[0]!.partitionKey, chunk[0]!.rowKey, { etag: chunk[0]!.etag });
        } catch (e) {
          if (!isStatus(e, 404)) throw e;
        }
        continue;
      }
      const actions: TransactionAction[] = chunk.map((r) => ['delete', { partitionKey: r.partitionKey, rowKey: r.rowKey }]);
      try {
        await client.submitTransaction(actions);
      } catch (e) {
        // A row of the batch already gone fails the batch: delete one by one instead.
        if (!isStatus(e, 404)) throw e;
        await deleteRows(client, chunk.slice(0, 1));
        await deleteRows(client, chunk.slice(1));
      }
    }
  }
}

/**
 * Rewrites a row as `to`, under the ETag it was read with. When the keys change, the new row is
 * created and the old one deleted, in one transaction when they share a partition.
 */
export async function replaceRow(client: TableClient, from: StoredRow, to: StoredRow): Promise<void> {
  if (from.partitionKey === to.partitionKey && from.rowKey === to.rowKey) {
    await client.updateEntity(entityOf(to), 'Replace', { etag: from.etag });
    return;
  }
  if (from.partitionKey === to.partitionKey) {
    await client.submitTransaction([
      ['upsert', entityOf(to), 'Replace'],
      ['delete', { partitionKey: from.partitionKey, rowKey: from.rowKey }],
    ]);
    return;
  }
  await client.upsertEntity(entityOf(to), 'Replace');
  await deleteRows(client, [from]);
}

/** A write refused because the row changed since it was read: the caller reads again and retries. */
export const isChangedMeanwhile = (e: unknown) =>
  isStatus(e, 412, 409) || /UpdateConditionNotSatisfied|412/.test(String((e as Error)?.message ?? ''));
