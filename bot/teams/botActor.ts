// Who sent an activity, as the use cases know people: the Entra object id (`from.aadObjectId`),
// the tenant, and the person's time zone from their profile. Never anything from card data.
import type { TurnContext } from 'botbuilder';
import type { Actor } from '../../shared/policy';
import type { PeopleRepository } from '../../shared/repositories';
import { personIdOf } from './installation';
import { tenantIdOf } from './tenantGuard';

export async function actorOf(context: TurnContext, people: PeopleRepository, mode: 'development' | 'production'): Promise<Actor | undefined> {
  const id = personIdOf(context.activity.from, mode);
  if (!id) return undefined;
  const person = await people.get(id);
  const tenantId = tenantIdOf(context.activity);
  return { id, ...(tenantId ? { tenantId } : {}), timeZone: person?.timeZone ?? 'UTC', appRoles: [] };
}
