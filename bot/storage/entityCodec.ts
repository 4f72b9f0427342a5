// Rows keep the domain object as JSON in one `data` property, validated with its schema on every
// read, so what comes out of storage is what the domain promises; a few fields are copied into
// their own columns where a query filters on them.
import { RestError, type TableEntityResult } from '@azure/data-tables';
import type { ZodType, ZodTypeDef } from 'zod';
import type { Versioned } from '../../shared/result';
import { assertFitsInTable } from './tables';

export interface StoredRow {
  partitionKey: string;
  rowKey: string;
  data: string;
  [column: string]: string | number | boolean;
}

export function toRow(
  partitionKey: string,
  rowKey: string,
  value: unknown,
  columns: Record<string, string | number | boolean> = {},
): StoredRow {
  const row: StoredRow = { partitionKey, rowKey, ...columns, data: JSON.stringify(value) };
  assertFitsInTable(row);
  return row;
}

export function fromRow<T>(schema: ZodType<T, ZodTypeDef, unknown>, row: TableEntityResult<Record<string, unknown>>): Versioned<T> {
  if (typeof row.data !== 'string') throw new Error(`Row ${row.partitionKey}/${row.rowKey} has no data`);
  return { value: schema.parse(JSON.parse(row.data)), etag: row.etag };
}

/**
 * Decodes a row without validating it again. Only for rows that every write path validates with
 * the same schema before storing (planTable does), on a hot path where re-validating a hundred
 * rows would cost more than the storage query itself.
 */
export function decodeValidatedRow<T>(row: TableEntityResult<Record<string, unknown>>): Versioned<T> {
  if (typeof row.data !== 'string') throw new Error(`Row ${row.partitionKey}/${row.rowKey} has no data`);
  return { value: JSON.parse(row.data) as T, etag: row.etag };
}

/** 412: the ETag no longer matches. 409: a create found the key taken. */
export const isConflict = (e: unknown) => e instanceof RestError && (e.statusCode === 412 || e.statusCode === 409);
export const isNotFound = (e: unknown) => e instanceof RestError && e.statusCode === 404;

/**
 * The condition of a write of an existing row: its version. `*` would switch the check off and let
 * a write overwrite what it never read, so it is refused here, whoever the caller is.
 */
export function ifMatch(etag: string): { etag: string } {
  if (etag.trim() === '*') throw new Error('A write of an existing row needs the version it read, not `*`');
  return { etag };
}
