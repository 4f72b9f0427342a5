// Development-only: the demo people the development sign-in offers. Not mounted in production.
import type { Router } from 'express';
import { summarizePerson } from '../../shared/person';
import type { PeopleRepository } from '../../shared/repositories';
import { ok } from '../../shared/result';
import { serve } from './http';

export function devRoutes(people: PeopleRepository): Router {
  return serve({
    getDevPeople: async () => ok({ people: (await people.list()).map(summarizePerson) }),
  });
}
