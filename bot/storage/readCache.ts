// Short-lived read-through caches for data that is read on every request and changes rarely:
// program settings and people's directory profiles. Each server instance caches for at most the
// TTL, so a change made through another instance shows within that time; a change made through
// this instance shows at once. Plans, goals and everything people edit are never cached.
import { LRUCache } from 'lru-cache';
import type { Person } from '../../shared/person';
import type { Program } from '../../shared/program';
import type { PeopleRepository, ProgramRepository } from '../../shared/repositories';
import type { Versioned } from '../../shared/result';

export const PROGRAM_CACHE_TTL_MS = 30_000;
export const PEOPLE_CACHE_TTL_MS = 60_000;

export function cachedPrograms(inner: ProgramRepository, ttl = PROGRAM_CACHE_TTL_MS): ProgramRepository {
  const cache = new LRUCache<string, Versioned<Program>>({ max: 100, ttl });
  return {
    async get(id) {
      const hit = cache.get(id);
      if (hit) return hit;
      const found = await inner.get(id);
      if (found) cache.set(id, found);
      return found;
    },
    async save(program) {
      cache.delete(program.id);
      await inner.save(program);
    },
    async update(program, etag) {
      cache.delete(program.id);
      return inner.update(program, etag);
    },
  };
}

export function cachedPeople(inner: PeopleRepository, ttl = PEOPLE_CACHE_TTL_MS): PeopleRepository {
  const cache = new LRUCache<string, Person>({ max: 10_000, ttl });
  return {
    async get(id) {
      const hit = cache.get(id);
      if (hit) return hit;
      const found = await inner.get(id);
      if (found) cache.set(id, found);
      return found;
    },
    list: () => inner.list(),
    async save(person) {
      cache.delete(person.id);
      await inner.save(person);
    },
  };
}
