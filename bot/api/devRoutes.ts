// Development-only: the demo people the development sign-in offers. Not mounted in production.
import type { Router } from 'express';
import { DEVELOPMENT_TENANT_ID, summarizePerson } from '../../shared/person';
import { inTenant } from '../../shared/policy';
import type { PeopleRepository } from '../../shared/repositories';
import { ok } from '../../shared/result';
import { serve } from './http';

export function devRoutes(people: PeopleRepository): Router {
  return serve({
    // The development sign-in acts in the development tenant: only its people are offered.
    getDevPeople: async () => ok({ people: (await people.list()).filter((p) => inTenant(DEVELOPMENT_TENANT_ID, p)).map(summarizePerson) }),
  });
}
