import { odata } from '@azure/data-tables';
import { program, type Program } from '../../shared/program';
import { inTenant } from '../../shared/policy';
import type { ProgramRepository } from '../../shared/repositories';
import { fail, ok } from '../../shared/result';
import { fromRow, isConflict, isNotFound, toRow, ifMatch } from './entityCodec';
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
    async update(p, etag) {
      const value = program.parse(p);
      try {
        const res = await table.updateEntity(toRow(encodeKey(p.id), RK, value, { name: p.name }), 'Replace', ifMatch(etag));
        return ok({ value, etag: res.etag ?? '' });
      } catch (e) {
        if (isConflict(e)) {
          const current = await this.get(p.id);
          return fail(
            'conflict',
            'Someone changed the program settings after you opened them. Review the current version and apply your change again.',
            current ? { current } : {},
          );
        }
        if (isNotFound(e)) return fail('not_found', 'That program no longer exists.');
        throw e;
      }
    },
    async listInTenant(tenantId) {
      return (await listEveryProgram(tables)).filter((p) => inTenant(tenantId, p));
    },
  };
}

/** The id and name of every program of a tenant (a few rows): for choosing a program, e.g. the digest channel's. */
export async function listProgramNames(tables: Pick<Tables, 'programs'>, tenantId: string): Promise<{ id: string; name: string }[]> {
  const out: { id: string; name: string }[] = [];
  const rows = tables.programs.listEntities<{ name?: string; data?: string }>({
    queryOptions: { filter: odata`RowKey eq ${RK}`, select: ['name', 'data'] },
  });
  for await (const row of rows) {
    const value = fromRow(program, row).value;
    if (!inTenant(tenantId, value)) continue;
    out.push({ id: value.id, name: value.name });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Every program of the deployment, of every tenant: for deployment-wide jobs only (renewalCardFiling.ts). */
export async function listEveryProgram(tables: Pick<Tables, 'programs'>): Promise<Program[]> {
  const out: Program[] = [];
  for await (const row of tables.programs.listEntities({ queryOptions: { filter: odata`RowKey eq ${RK}` } }))
    out.push(fromRow(program, row).value);
  return out;
}
