import { describe, expect, it } from 'vitest';
import { APP_ROLES_MAX_AGE_MS, APP_ROLES_RENEW_AFTER_MS, appRolesIn, appRolesToRecord, type RecordedAppRoles } from '../../shared/person';

const now = new Date('2026-12-01T12:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const recorded = (over: Partial<RecordedAppRoles> = {}): RecordedAppRoles => ({
  tenantId: 'tenant-a',
  roles: ['ProgramManager'],
  recordedAt: ago(0),
  ...over,
});

describe('recorded app roles', () => {
  it('count only in the tenant that granted them', () => {
    expect(appRolesIn(recorded(), 'tenant-a', now)).toEqual(['ProgramManager']);
    expect(appRolesIn(recorded(), 'tenant-b', now)).toEqual([]);
    expect(appRolesIn(recorded(), undefined, now)).toEqual([]);
    expect(appRolesIn(undefined, 'tenant-a', now)).toEqual([]);
  });

  it('stop counting when no token has shown them for too long', () => {
    expect(appRolesIn(recorded({ recordedAt: ago(APP_ROLES_MAX_AGE_MS) }), 'tenant-a', now)).toEqual(['ProgramManager']);
    expect(appRolesIn(recorded({ recordedAt: ago(APP_ROLES_MAX_AGE_MS + 1) }), 'tenant-a', now)).toEqual([]);
  });

  it('are written again only when a token says something new, or to stay fresh', () => {
    const token = { tenantId: 'tenant-a', roles: ['ProgramManager'] };
    expect(appRolesToRecord(recorded({ recordedAt: ago(60_000) }), token, now)).toBeUndefined();
    expect(appRolesToRecord(recorded({ roles: ['B', 'A'] }), { tenantId: 'tenant-a', roles: ['A', 'B'] }, now)).toBeUndefined();
    expect(appRolesToRecord(recorded({ recordedAt: ago(APP_ROLES_RENEW_AFTER_MS) }), token, now)).toEqual(recorded());
    expect(appRolesToRecord(recorded(), { ...token, roles: [] }, now)).toEqual(recorded({ roles: [] }));
    expect(appRolesToRecord(recorded(), { ...token, tenantId: 'tenant-b' }, now)).toEqual(recorded({ tenantId: 'tenant-b' }));
    expect(appRolesToRecord(undefined, token, now)).toEqual(recorded());
  });
});
