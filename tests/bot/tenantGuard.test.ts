// Which tenants' activities the bot serves: the allow-list the tab's tokens are checked against.
import { describe, expect, it } from 'vitest';
import { activityTenant, tenantAllowed } from '../../bot/teams/tenantGuard';
import { TEST_TENANT_ID } from '../support/botActivities';

const other = '11111111-2222-3333-4444-555555555555';
const activity = (conversationTenant?: string, channelDataTenant?: string) => ({
  conversation: {
    id: 'a:1',
    isGroup: false,
    conversationType: 'personal',
    name: '',
    ...(conversationTenant ? { tenantId: conversationTenant } : {}),
  },
  channelData: channelDataTenant ? { tenant: { id: channelDataTenant } } : {},
});
const allowed = new Set([TEST_TENANT_ID]);

describe('tenant guard', () => {
  it('serves every tenant without an allow-list (development)', () => {
    expect(tenantAllowed(activity(other, other), undefined)).toBe(true);
    expect(tenantAllowed(activity(), undefined)).toBe(true);
  });

  it('serves a listed tenant, named in either field and in any case', () => {
    expect(tenantAllowed(activity(TEST_TENANT_ID, TEST_TENANT_ID), allowed)).toBe(true);
    expect(tenantAllowed(activity(TEST_TENANT_ID.toUpperCase()), allowed)).toBe(true);
    expect(tenantAllowed(activity(undefined, TEST_TENANT_ID), allowed)).toBe(true);
  });

  it('refuses another tenant, an activity naming none, and fields that disagree', () => {
    expect(tenantAllowed(activity(other, other), allowed)).toBe(false);
    expect(tenantAllowed(activity(), allowed)).toBe(false);
    expect(tenantAllowed(activity(TEST_TENANT_ID, other), allowed)).toBe(false);
    expect(tenantAllowed(activity(other, TEST_TENANT_ID), allowed)).toBe(false);
  });

  it('names the tenant an activity comes from', () => {
    expect(activityTenant(activity(undefined, TEST_TENANT_ID.toUpperCase()))).toBe(TEST_TENANT_ID);
    expect(activityTenant(activity())).toBeUndefined();
  });
});
