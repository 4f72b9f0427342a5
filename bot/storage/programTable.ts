import { program } from '../../shared/program';
import type { ProgramRepository } from '../../shared/repositories';
import { fromRow, isNotFound, toRow } from './entityCodec';
import { encodeKey, type Tables } from './tables';

const RK = 'program';

export function programTable(tables: Pick<Tables, 'programs'>): ProgramRepository {
  const table = tables.programs;
  return {
    async get(id) {
      try {
        return fromRow(program, await table.getEntity(encodeKey(id), RK));
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
    async save(p) {
      await table.upsertEntity(toRow(encodeKey(p.id), RK, program.parse(p), { name: p.name }), 'Replace');
    },
  };
}
