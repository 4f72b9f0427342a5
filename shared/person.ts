import { z } from 'zod';
import { isoInstant, localTime, timeZone } from './dates';
import { limits } from './limits';

/**
 * Everyone is identified by their Entra object id: the tab's token carries it as `oid` and the bot
 * sees it as `from.aadObjectId`, so tab and bot agree on who someone is.
 */
export const personId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/, 'A person id is an Entra object id.');
export type PersonId = z.infer<typeof personId>;

/**
 * The Entra tenant a record belongs to (the token's `tid`, the activity's tenant), in lower case as
 * Entra writes it. Every program, person and pair carries one; policy.ts `inActorsTenant` is the rule.
 */
export const tenantId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, 'A tenant id is an Entra tenant id (a GUID in lower case).');

/** The tenant of the development sign-in, the demo data and the test servers (never an Entra tenant). */
export const DEVELOPMENT_TENANT_ID = '00000000-0000-4000-8000-00000000d0e0';

export const weekday = z.number().int().min(1).max(7); // ISO: 1 = Monday ... 7 = Sunday

export const workingHours = z
  .object({
    start: localTime,
    end: localTime,
    days: z.array(weekday).min(1).max(7),
  })
  .strict()
  .refine((h) => h.start < h.end, { message: 'Working hours must end after they start.', path: ['end'] });
export type WorkingHours = z.infer<typeof workingHours>;

export const defaultWorkingHours: WorkingHours = { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] };

export const person = z
  .object({
    id: personId,
    tenantId,
    displayName: z.string().trim().min(1).max(limits.name),
    email: z.string().email().max(254).optional(),
    jobTitle: z.string().max(limits.name).optional(),
    timeZone,
    workingHours,
    /** How many mentees this person can support as a mentor; 0 when not a mentor. */
    mentorCapacity: z.number().int().min(0).max(20),
    /** The behaviors this person offers as a mentor (set by themselves): what matching compares with a mentee's needs. */
    strengths: z.array(z.string().trim().min(1).max(limits.name)).max(20).optional(),
  })
  .strict();
export type Person = z.infer<typeof person>;

/** What the other person in a pair sees of someone: enough to name them and invite them. */
export type PersonSummary = Pick<Person, 'id' | 'displayName' | 'jobTitle' | 'timeZone' | 'email'>;

export const summarizePerson = (p: Person): PersonSummary => ({
  id: p.id,
  displayName: p.displayName,
  jobTitle: p.jobTitle,
  timeZone: p.timeZone,
  email: p.email,
});

/**
 * The Entra app roles (e.g. `ProgramManager`) that a person's last validated Teams SSO token
 * carried, and the tenant that granted them. The bot never sees a token, so this record is how it
 * answers a person as the tab does.
 */
export const recordedAppRoles = z
  .object({
    tenantId: z.string().min(1).max(64),
    roles: z.array(z.string().min(1).max(100)).max(50),
    recordedAt: isoInstant,
  })
  .strict();
export type RecordedAppRoles = z.infer<typeof recordedAppRoles>;

/** Recorded roles count this long after the token that carried them: a revoked role stops counting by then. */
export const APP_ROLES_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** A token with the same roles renews the record only after this long, so the API writes rarely. */
export const APP_ROLES_RENEW_AFTER_MS = 60 * 60 * 1000;

const sameRoles = (a: readonly string[], b: readonly string[]) => [...a].sort().join('\n') === [...b].sort().join('\n');

/** The record a validated token calls for, or undefined when the stored one still says the same. */
export function appRolesToRecord(
  stored: RecordedAppRoles | undefined,
  token: { tenantId: string; roles: readonly string[] },
  now: Date,
): RecordedAppRoles | undefined {
  const fresh = stored && now.getTime() - Date.parse(stored.recordedAt) < APP_ROLES_RENEW_AFTER_MS;
  if (stored && fresh && stored.tenantId === token.tenantId && sameRoles(stored.roles, token.roles)) return undefined;
  return { tenantId: token.tenantId, roles: [...token.roles], recordedAt: now.toISOString() };
}

/** The recorded roles that count for someone acting in `tenantId`: a role counts only in the tenant that granted it, and only while recent. */
export function appRolesIn(recorded: RecordedAppRoles | undefined, tenantId: string | undefined, now: Date): string[] {
  if (!recorded || !tenantId || recorded.tenantId !== tenantId) return [];
  return now.getTime() - Date.parse(recorded.recordedAt) <= APP_ROLES_MAX_AGE_MS ? [...recorded.roles] : [];
}
