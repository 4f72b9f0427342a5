// Short-lived read-through caches for data that is read on every request and changes rarely:
// program settings, people's directory profiles and the index of which pairs a person is in. Each server instance caches for at most the
// TTL (the pair index: until its first read past the TTL, which reads it again), so a change made
// through another instance shows within that time; a change made through this instance shows at once. Plans, goals and everything people edit are never cached.
import { LRUCache } from 'lru-cache';
import type { Person, RecordedAppRoles } from '../../shared/person';
import type { Program } from '../../shared/program';
import type { PairRef, PeopleRepository, PlanRepository, ProgramRepository } from '../../shared/repositories';
import type { Versioned } from '../../shared/result';

export const PROGRAM_CACHE_TTL_MS = 30_000;
export const PEOPLE_CACHE_TTL_MS = 60_000;
export const PAIR_INDEX_CACHE_TTL_MS = 30_000;

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
    listInTenant: (tenantId) => inner.listInTenant(tenantId),
  };
}

export function cachedPeople(inner: PeopleRepository, ttl = PEOPLE_CACHE_TTL_MS): PeopleRepository & { forget(id: string): void } {
  const cache = new LRUCache<string, Person>({ max: 10_000, ttl });
  // Absence is cached too (most people have no roles), so the API need not ask on every request.
  const roles = new LRUCache<string, { recorded?: RecordedAppRoles }>({ max: 10_000, ttl });
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
    async remove(id) {
      cache.delete(id);
      await inner.remove(id);
    },
    async appRoles(id) {
      const hit = roles.get(id);
      if (hit) return hit.recorded;
      const found = await inner.appRoles(id);
      roles.set(id, found ? { recorded: found } : {});
      return found;
    },
    async recordAppRoles(id, recorded) {
      roles.delete(id);
      await inner.recordAppRoles(id, recorded);
      roles.set(id, { recorded });
    },
    /** After an erasure: the person is read from storage again. */
    forget(id: string) {
      cache.delete(id);
      roles.delete(id);
    },
  };
}

/**
 * Which pairs a person is in: read by every search and dialog of the message extension, changed only
 * when a pair is created. It is a pointer, not a permission: each plan is loaded (and authorized)
 * from its own partition, so a stale entry can only point at a plan the person is no longer in,
 * and that plan then answers "not found" as it does to anyone else. So an entry older than the TTL
 * is still answered at once while it is read again in the background (stale-while-revalidate): a
 * person's dialogs wait for the index only the first time, not once per TTL.
 */
export function cachedPairIndex(
  inner: PlanRepository,
  ttl = PAIR_INDEX_CACHE_TTL_MS,
  now = () => performance.now(),
): PlanRepository & { forget(personId: string): void } {
  const cache = new LRUCache<string, { refs: PairRef[]; readAt: number }>({ max: 10_000 });
  const refreshing = new Set<string>();
  // Bumped by every pair created here, so a read that started before it cannot put back the old list.
  let generation = 0;
  async function read(personId: string): Promise<PairRef[]> {
    const started = generation;
    const readAt = now();
    const refs = await inner.pairsOf(personId);
    if (started === generation) cache.set(personId, { refs, readAt });
    return refs;
  }
  return {
    ...inner,
    async pairsOf(personId) {
      const hit = cache.get(personId);
      if (!hit) return [...(await read(personId))];
      if (now() - hit.readAt >= ttl && !refreshing.has(personId)) {
        refreshing.add(personId);
        // A failed refresh keeps the entry; the next read past the TTL tries again.
        read(personId)
          .catch(() => undefined)
          .finally(() => refreshing.delete(personId));
      }
      return [...hit.refs];
    },
    async createPair(mentorship, members) {
      generation += 1;
      cache.delete(mentorship.mentorId);
      cache.delete(mentorship.menteeId);
      const created = await inner.createPair(mentorship, members);
      generation += 1;
      cache.delete(mentorship.mentorId);
      cache.delete(mentorship.menteeId);
      return created;
    },
    /** After an erasure: the person's pairs are read from storage again. */
    forget(personId: string) {
      generation += 1;
      cache.delete(personId);
    },
  };
}
