// Enrolments: one partition per program, so a cohort import writes its rows in transactions of the
// partition. Table Storage commits at most 100 rows at once, so a larger file is written as an
// import: its rows carry the import's id and count only once the import's row says `done`.
//
//   PK {programId}   RK "person|{personId}|{role}"   an enrolment (importId column when a file wrote it)
//                    RK "import|{importId}"          an import: `writing`, then `done`
//
// A failure part-way deletes what the import wrote; a server that stops part-way leaves rows that
// never count, removed by the next import of the program once they are older than any import takes.
import { randomUUID } from 'node:crypto';
import { odata, RestError, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import { enrolment, type EnrolmentRole } from '../../shared/program/enrolment';
import type { EnrolmentRepository } from '../../shared/repositories';
import { fail, ok } from '../../shared/result';
import { fromRow, isConflict, isNotFound, toRow } from './entityCodec';
import { encodeKey, type Tables } from './tables';

const BATCH = 100;
/** An import still `writing` after this long was abandoned by a server that stopped. */
export const ABANDONED_IMPORT_MS = 15 * 60_000;

const rk = {
  person: (personId: string, role: EnrolmentRole) => `person|${encodeKey(personId)}|${role}`,
  import: (importId: string) => `import|${importId}`,
};

type Row = TableEntityResult<Record<string, unknown>>;

export function enrolmentTable(tables: Pick<Tables, 'enrolments'>): EnrolmentRepository {
  const table = tables.enrolments;

  async function partition(programId: string): Promise<Row[]> {
    const rows: Row[] = [];
    for await (const row of table.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${encodeKey(programId)}` },
    }))
      rows.push(row);
    return rows;
  }

  const importState = (rows: Row[]) =>
    new Map(rows.filter((r) => r.rowKey?.startsWith('import|')).map((r) => [String(r.rowKey).slice('import|'.length), r]));

  async function deleteAll(rows: { partitionKey: string; rowKey: string }[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) {
      const actions: TransactionAction[] = rows.slice(i, i + BATCH).map((r) => ['delete', r]);
      try {
        await table.submitTransaction(actions);
      } catch (e) {
        // One row already gone fails the batch: delete one by one.
        if (!(e instanceof RestError && e.statusCode === 404)) throw e;
        for (const r of rows.slice(i, i + BATCH)) await table.deleteEntity(r.partitionKey, r.rowKey).catch(ignoreNotFound);
      }
    }
  }

  /** Removes the rows of imports that a stopped server left `writing`. */
  async function removeAbandoned(programId: string, now: number): Promise<void> {
    const rows = await partition(programId);
    for (const [importId, marker] of importState(rows)) {
      if (marker.state !== 'writing' || now - Date.parse(String(marker.startedAt)) < ABANDONED_IMPORT_MS) continue;
      const its = rows.filter((r) => r.importId === importId).map((r) => ({ partitionKey: r.partitionKey!, rowKey: r.rowKey! }));
      await deleteAll([...its, { partitionKey: marker.partitionKey!, rowKey: marker.rowKey! }]);
    }
  }

  return {
    async list(programId) {
      const rows = await partition(programId);
      const imports = importState(rows);
      const counts = (r: Row) => typeof r.importId !== 'string' || imports.get(r.importId)?.state === 'done';
      return rows
        .filter((r) => r.rowKey?.startsWith('person|') && counts(r))
        .map((r) => fromRow(enrolment, r))
        .sort((a, b) => a.value.displayName.localeCompare(b.value.displayName) || a.value.role.localeCompare(b.value.role));
    },

    async get(programId, personId, role) {
      try {
        const row = await table.getEntity<Record<string, unknown>>(encodeKey(programId), rk.person(personId, role));
        if (typeof row.importId === 'string') {
          const marker = await table
            .getEntity<Record<string, unknown>>(encodeKey(programId), rk.import(row.importId))
            .catch(nullIfNotFound);
          if (marker?.state !== 'done') return undefined;
        }
        return fromRow(enrolment, row);
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },

    async create(e) {
      const value = enrolment.parse(e);
      try {
        const res = await table.createEntity(toRow(encodeKey(value.programId), rk.person(value.personId, value.role), value));
        return ok({ value, etag: res.etag ?? '' });
      } catch (error) {
        if (isConflict(error)) return fail('conflict', `${value.displayName} is already enrolled as ${value.role}.`);
        throw error;
      }
    },

    async createAll(list) {
      if (list.length === 0) return ok(0);
      const values = list.map((e) => enrolment.parse(e));
      const programId = values[0]!.programId;
      if (values.some((v) => v.programId !== programId)) throw new Error('One import enrols people in one program');
      const pk = encodeKey(programId);
      await removeAbandoned(programId, Date.now());

      const importId = randomUUID();
      const marker = await table.createEntity({
        partitionKey: pk,
        rowKey: rk.import(importId),
        state: 'writing',
        startedAt: new Date().toISOString(),
      });
      const written: { partitionKey: string; rowKey: string }[] = [];
      const undo = async () => {
        await deleteAll([...written, { partitionKey: pk, rowKey: rk.import(importId) }]);
      };
      try {
        for (let i = 0; i < values.length; i += BATCH) {
          const chunk = values.slice(i, i + BATCH).map((v) => toRow(pk, rk.person(v.personId, v.role), v, { importId }));
          await table.submitTransaction(chunk.map((row) => ['create', row] as TransactionAction));
          written.push(...chunk.map((row) => ({ partitionKey: row.partitionKey, rowKey: row.rowKey })));
        }
        await table.updateEntity(
          { partitionKey: pk, rowKey: rk.import(importId), state: 'done', doneAt: new Date().toISOString() },
          'Replace',
          { etag: marker.etag ?? '' },
        );
      } catch (error) {
        await undo();
        if (isConflict(error)) return fail('conflict', 'Someone was enrolled meanwhile: run the dry run again.');
        throw error;
      }
      return ok(values.length);
    },

    async remove(programId, personId, role) {
      const roles: EnrolmentRole[] = role ? [role] : ['mentee', 'mentor'];
      let removed = 0;
      for (const r of roles) {
        try {
          await table.deleteEntity(encodeKey(programId), rk.person(personId, r));
          removed++;
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
      }
      return removed;
    },
  };
}

function ignoreNotFound(e: unknown): void {
  if (!isNotFound(e)) throw e;
}

function nullIfNotFound(e: unknown): null {
  if (isNotFound(e)) return null;
  throw e;
}
