// Who sent an activity, as the use cases know people: the Entra object id (`from.aadObjectId`),
// the tenant, the person's time zone from their profile, and the app roles their last validated
// Teams SSO token carried, counted only in the tenant that granted them. Never anything from card data.
import type { TurnContext } from 'botbuilder';
import { appRolesIn } from '../../shared/person';
import type { Actor } from '../../shared/policy';
import type { PeopleRepository } from '../../shared/repositories';
import { personIdOf } from './installation';

export async function actorOf(context: TurnContext, people: PeopleRepository, mode: 'development' | 'production'): Promise<Actor | undefined> {
  const id = personIdOf(context.activity.from, mode);
  if (!id) return undefined;
  const [person, recorded] = await Promise.all([people.get(id), people.appRoles(id)]);
  const tenantId = context.activity.conversation?.tenantId;
  return { id, ...(tenantId ? { tenantId } : {}), timeZone: person?.timeZone ?? 'UTC', appRoles: appRolesIn(recorded, tenantId, new Date()) };
}
