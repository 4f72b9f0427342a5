import { person, recordedAppRoles, type Person } from '../../shared/person';
import type { PeopleRepository } from '../../shared/repositories';
import { odata } from '@azure/data-tables';
import { fromRow, isNotFound, toRow } from './entityCodec';
import { encodeKey, type Tables } from './tables';

const PK = 'person';
/** The app roles of a person's last validated token: their own row, so a directory refresh of the profile keeps them. */
const ROLES_PK = 'approles';

export function peopleTable(tables: Pick<Tables, 'people'>): PeopleRepository {
  const table = tables.people;
  return {
    async get(id) {
      try {
        return fromRow(person, await table.getEntity(PK, encodeKey(id))).value;
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
    async list() {
      const out: Person[] = [];
      for await (const row of table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${PK}` } })) {
        out.push(fromRow(person, row).value);
      }
      return out.sort((a, b) => a.displayName.localeCompare(b.displayName));
    },
    async save(p) {
      await table.upsertEntity(toRow(PK, encodeKey(p.id), person.parse(p), { displayName: p.displayName }), 'Replace');
    },
    async remove(id) {
      try {
        await table.deleteEntity(PK, encodeKey(id));
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    },
    async appRoles(id) {
      try {
        return fromRow(recordedAppRoles, await table.getEntity(ROLES_PK, encodeKey(id))).value;
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
    async recordAppRoles(id, roles) {
      // Last token wins: the newest token's roles are the truth, so no ETag is needed.
      await table.upsertEntity(toRow(ROLES_PK, encodeKey(id), recordedAppRoles.parse(roles)), 'Replace');
    },
  };
}
