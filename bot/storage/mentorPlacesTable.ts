// A mentor's places row (shared/matching/mentorPlaces.ts) in the People table, beside the profile.
import { mentorPlaces } from '../../shared/matching/mentorPlaces';
import type { MentorPlacesRepository } from '../../shared/repositories';
import { fail, ok } from '../../shared/result';
import { fromRow, ifMatch, isConflict, isNotFound, toRow } from './entityCodec';
import { encodeKey, type Tables } from './tables';

const PK = 'mentorplaces';

export function mentorPlacesTable(tables: Pick<Tables, 'people'>): MentorPlacesRepository {
  const table = tables.people;
  return {
    async get(mentorId) {
      try {
        return fromRow(mentorPlaces, await table.getEntity(PK, encodeKey(mentorId)));
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
    async save(places, etag) {
      const value = mentorPlaces.parse(places);
      const row = toRow(PK, encodeKey(value.mentorId), value);
      try {
        const res = etag === undefined ? await table.createEntity(row) : await table.updateEntity(row, 'Replace', ifMatch(etag));
        return ok({ value, etag: res.etag ?? '' });
      } catch (e) {
        if (isConflict(e) || (etag !== undefined && isNotFound(e)))
          return fail('conflict', 'Another pair took a place of this mentor at the same moment.');
        throw e;
      }
    },
  };
}
