// Development-only: the demo people the development sign-in offers. Not mounted in production.
import { Router } from 'express';
import { paths } from '../../shared/api';
import { summarizePerson } from '../../shared/person';
import type { PeopleRepository } from '../../shared/repositories';

export function devRoutes(people: PeopleRepository): Router {
  const r = Router();
  r.get(paths.devPeople, async (_req, res) => {
    res.json({ people: (await people.list()).map(summarizePerson) });
  });
  return r;
}
