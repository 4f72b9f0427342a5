// Who is calling. In development the tab names a demo person in the X-Dev-User header; this mode
// exists only when the server runs with APP_MODE=development. Teams SSO replaces it in Teams.
import type { RequestHandler } from 'express';
import { personId } from '../../shared/person';
import type { Actor } from '../../shared/policy';
import type { PeopleRepository } from '../../shared/repositories';
import { sendFailure } from './http';

export const DEV_USER_HEADER = 'X-Dev-User';

export function developmentIdentity(people: PeopleRepository): RequestHandler {
  return async (req, res, next) => {
    const id = personId.safeParse(req.get(DEV_USER_HEADER) ?? '');
    if (!id.success) return sendFailure(res, { code: 'unauthenticated', message: 'Sign in: pick a demo person in the development sign-in.' });
    const person = await people.get(id.data);
    if (!person) return sendFailure(res, { code: 'unauthenticated', message: 'That demo person does not exist. Pick another one.' });
    res.locals.actor = { id: person.id, timeZone: person.timeZone, appRoles: [] } satisfies Actor;
    next();
  };
}

/**
 * Outside development every caller must present a Teams SSO token. Until token validation is
 * configured, nothing is accepted: the API answers 401 rather than guess who is calling.
 */
export function teamsIdentity(): RequestHandler {
  return (_req, res) => sendFailure(res, { code: 'unauthenticated', message: 'Open the app in Microsoft Teams to sign in.' });
}
