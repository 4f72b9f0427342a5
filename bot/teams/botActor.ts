// Who sent an activity, as the use cases know people: the Entra object id (`from.aadObjectId`),
// the tenant, the person's time zone from their profile, and the app roles their last validated
// Teams SSO token carried, counted only in the tenant that granted them. Never anything from card data.
import type { TurnContext } from 'botbuilder';
import { appRolesIn, DEVELOPMENT_TENANT_ID } from '../../shared/person';
import { ofActorsTenant, type Actor } from '../../shared/policy';
import type { PeopleRepository } from '../../shared/repositories';
import { personIdOf } from './installation';
import { activityTenant } from './tenantGuard';

export async function actorOf(
  context: TurnContext,
  people: PeopleRepository,
  mode: 'development' | 'production',
  now: () => Date,
): Promise<Actor | undefined> {
  const id = personIdOf(context.activity.from, mode);
  const tenantId = tenantOf(context, mode);
  if (!id || !tenantId) return undefined;
  const [stored, recorded] = await Promise.all([people.get(id), people.appRoles(id)]);
  const person = ofActorsTenant({ tenantId }, stored);
  return { id, tenantId, timeZone: person?.timeZone ?? 'UTC', appRoles: appRolesIn(recorded, tenantId, now()) };
}

/**
 * The tenant the sender acts in: the activity's. An activity without one has no actor in
 * production; in development (a hand-made activity, an emulator) it acts in the development tenant.
 */
function tenantOf(context: TurnContext, mode: 'development' | 'production'): string | undefined {
  return activityTenant(context.activity) ?? (mode === 'development' ? DEVELOPMENT_TENANT_ID : undefined);
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
    const tenantId = tenantOf(context, mode);
    return id && tenantId ? { id, tenantId, timeZone: 'UTC', appRoles: [] } : undefined;
  };
