// The tenant of an activity, read here only, and the guard on it. The bot serves the tenants the
// tab serves (AAD_ALLOWED_TENANTS). A Bot Framework signature proves an activity came through Teams,
// not from which organization: an app installed in another tenant (a guest who side-loaded the
// package, a leaked app id) must not reach the tenant's people.
import type { Activity } from 'botbuilder';

type TenantFields = Pick<Activity, 'conversation' | 'channelData'>;

/** Teams names the tenant in two fields; either may be missing on a hand-made activity. */
function tenantFields(activity: TenantFields): { conversation?: string; channelData?: string } {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return { conversation: activity.conversation?.tenantId, channelData: typeof fromChannelData === 'string' ? fromChannelData : undefined };
}

/** The tenant an activity comes from, as Teams wrote it (what is stored with a conversation). */
export function tenantIdOf(activity: TenantFields): string | undefined {
  const fields = tenantFields(activity);
  return fields.conversation ?? fields.channelData;
}

/** The tenant an activity comes from, in lower case: for comparing with the allow-list. */
export function activityTenant(activity: TenantFields): string | undefined {
  return tenantIdOf(activity)?.toLowerCase();
}

/**
 * Whether a turn may run: always without an allow-list (development), else only for an activity
 * whose tenant is listed. Two fields that disagree are refused.
 */
export function tenantAllowed(activity: TenantFields, allowed: ReadonlySet<string> | undefined): boolean {
  if (!allowed) return true;
  const { conversation, channelData } = tenantFields(activity);
  if (conversation && channelData !== undefined && conversation.toLowerCase() !== channelData.toLowerCase()) return false;
  const tenant = activityTenant(activity);
  return tenant !== undefined && allowed.has(tenant);
}
