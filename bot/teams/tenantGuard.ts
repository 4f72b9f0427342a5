// The bot serves the tenants the tab serves (AAD_ALLOWED_TENANTS). A Bot Framework signature proves
// an activity came through Teams, not from which organization: an app installed in another tenant
// (a guest who side-loaded the package, a leaked app id) must not reach the tenant's people.
import type { Activity } from 'botbuilder';

/** The tenant an activity comes from: Teams sets both fields; either may be missing on a hand-made one. */
export function activityTenant(activity: Pick<Activity, 'conversation' | 'channelData'>): string | undefined {
  const fromConversation = activity.conversation?.tenantId;
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenant = fromConversation ?? (typeof fromChannelData === 'string' ? fromChannelData : undefined);
  return tenant?.toLowerCase();
}

/**
 * Whether a turn may run: always without an allow-list (development), else only for an activity
 * whose tenant is listed. Two fields that disagree are refused.
 */
export function tenantAllowed(activity: Pick<Activity, 'conversation' | 'channelData'>, allowed: ReadonlySet<string> | undefined): boolean {
  if (!allowed) return true;
  const conversation = activity.conversation?.tenantId?.toLowerCase();
  const channelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  if (conversation && typeof channelData === 'string' && conversation !== channelData.toLowerCase()) return false;
  const tenant = activityTenant(activity);
  return tenant !== undefined && allowed.has(tenant);
}
