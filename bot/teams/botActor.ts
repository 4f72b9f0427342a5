// Who sent an activity, as the use cases know people: the Entra object id (`from.aadObjectId`),
// the tenant, the person's time zone from their profile, and the app roles their last validated
// Teams SSO token carried, counted only in the tenant that granted them. Never anything from card data.
import type { TurnContext } from 'botbuilder';
import { appRolesIn } from '../../shared/person';
import type { Actor } from '../../shared/policy';
import type { PeopleRepository } from '../../shared/repositories';
import { personIdOf } from './installation';
import { tenantIdOf } from './tenantGuard';

export async function actorOf(
  context: TurnContext,
  people: PeopleRepository,
  mode: 'development' | 'production',
  now: () => Date,
): Promise<Actor | undefined> {
  const id = personIdOf(context.activity.from, mode);
  if (!id) return undefined;
  const [person, recorded] = await Promise.all([people.get(id), people.appRoles(id)]);
  const tenantId = tenantIdOf(context.activity);
  return { id, ...(tenantId ? { tenantId } : {}), timeZone: person?.timeZone ?? 'UTC', appRoles: appRolesIn(recorded, tenantId, now()) };
}

/** Who sent an invoke, as a handler needs them resolved. */
export type SenderIdentity = (context: TurnContext) => Promise<Actor | undefined>;

/** The sender with their profile (time zone) and recorded app roles: one round trip, two reads side by side. */
export const senderWithProfile =
  (deps: { people: PeopleRepository; mode: 'development' | 'production'; now: () => Date }): SenderIdentity =>
  (context) =>
    actorOf(context, deps.people, deps.mode, deps.now);

/**
 * The sender from the activity alone, for a handler that needs neither time zone nor role (a
 * feedback respondent answering a card): no storage read before the handler's own.
 */
export const senderFromActivity =
  (mode: 'development' | 'production'): SenderIdentity =>
  async (context) => {
    const id = personIdOf(context.activity.from, mode);
    const tenantId = tenantIdOf(context.activity);
    return id ? { id, ...(tenantId ? { tenantId } : {}), timeZone: 'UTC', appRoles: [] } : undefined;
  };
