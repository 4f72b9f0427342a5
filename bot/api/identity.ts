// Who is calling, in a local run: the tab names a demo person in the X-Dev-User header. Mounted only
// with AUTH_MODE=development, which a production configuration refuses; with AUTH_MODE=entra the
// caller is the Teams SSO token's (entraIdentity.ts).
import type { RequestHandler } from 'express';
import { DEVELOPMENT_TENANT_ID, personId } from '../../shared/person';
import { ofActorsTenant, type Actor } from '../../shared/policy';
import type { PeopleRepository } from '../../shared/repositories';
import { sendFailure } from './http';

export const DEV_USER_HEADER = 'X-Dev-User';

export function developmentIdentity(people: PeopleRepository): RequestHandler {
  return async (req, res, next) => {
    const id = personId.safeParse(req.get(DEV_USER_HEADER) ?? '');
    if (!id.success)
      return sendFailure(res, { code: 'unauthenticated', message: 'Sign in: pick a demo person in the development sign-in.' });
    // The development sign-in acts in the development tenant only.
    const tenant = { tenantId: DEVELOPMENT_TENANT_ID };
    const person = ofActorsTenant(tenant, await people.get(id.data));
    if (!person) return sendFailure(res, { code: 'unauthenticated', message: 'That demo person does not exist. Pick another one.' });
    res.locals.actor = { id: person.id, ...tenant, timeZone: person.timeZone, appRoles: [] } satisfies Actor;
    next();
  };
}
