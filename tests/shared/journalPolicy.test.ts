// Who may change a journal entry (policy.ts `authorizeEntry`) and who reads a program's trail
// (`authorizeTrail`).
import { describe, expect, it } from 'vitest';
import { authorizeEntry, authorizeTrail, entryPermissions, type Actor, type EntryAction, type EntryChange } from '../../shared/policy';

const tenantId = 'tenant-a';
const actor = (id: string, appRoles: string[] = [], tenant = tenantId): Actor => ({ id, tenantId: tenant, timeZone: 'UTC', appRoles });
const pair = { tenantId, mentorId: 'mentor', menteeId: 'mentee', status: 'active' as const };
const entry = (over: Partial<EntryChange> = {}): EntryChange => ({
  authorId: 'mentee',
  visibility: 'pair',
  menteeConsented: false,
  kind: 'note',
  pair,
  program: { tenantId, managerIds: ['pm'] },
  ...over,
});
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

describe('changing a journal entry', () => {
  it.each([
    ['mentee', entry(), 'edit', 'ok'],
    ['mentor', entry(), 'edit', 'forbidden'],
    ['mentor', entry({ authorId: 'mentor' }), 'delete', 'ok'],
    ['mentee', entry({ kind: 'check_in' }), 'edit', 'forbidden'],
    ['mentee', entry({ kind: 'win' }), 'delete', 'forbidden'],
    ['mentor', entry({ authorId: 'mentee', visibility: 'private' }), 'edit', 'not_found'],
    ['mentee', entry({ authorId: 'mentor', kind: 'goal_changed' }), 'share', 'ok'],
    ['mentor', entry({ authorId: 'mentor' }), 'share', 'forbidden'],
    ['mentee', entry({ visibility: 'program', menteeConsented: true }), 'share', 'invalid'],
    ['mentee', entry({ visibility: 'program', menteeConsented: true }), 'unshare', 'ok'],
    ['mentee', entry(), 'unshare', 'invalid'],
    ['pm', entry({ visibility: 'program', menteeConsented: true }), 'unshare', 'not_found'],
    ['stranger', entry(), 'edit', 'not_found'],
    ['mentee', entry({ pair: { ...pair, tenantId: 'tenant-b' } }), 'edit', 'not_found'],
    ['mentee', entry({ pair: { ...pair, status: 'ended' } }), 'edit', 'forbidden'],
  ] as const)('%s, %j, %s: %s', (who, e, action, expected) => {
    expect(code(authorizeEntry(actor(who), e, action as EntryAction))).toBe(expected);
  });
});

describe('the permissions a journal page shows on each entry', () => {
  it('are what authorizeEntry answers, for every person, kind, visibility, consent, tenant and pair state', () => {
    const actions: EntryAction[] = ['edit', 'delete', 'share', 'unshare'];
    let compared = 0;
    for (const who of ['mentee', 'mentor', 'pm', 'stranger'])
      for (const authorId of ['mentee', 'mentor'])
        for (const kind of ['note', 'check_in', 'checkpoint'])
          for (const visibility of ['private', 'pair', 'program'] as const)
            for (const menteeConsented of [false, true])
              for (const tenant of [tenantId, 'tenant-b'])
                for (const status of ['proposed', 'active', 'paused', 'ended'] as const) {
                  const e = entry({ authorId, kind, visibility, menteeConsented, pair: { ...pair, tenantId: tenant, status } });
                  const can = entryPermissions(actor(who), e);
                  for (const action of actions) {
                    expect(can[action], `${who} ${action} ${JSON.stringify(e)}`).toBe(authorizeEntry(actor(who), e, action).ok);
                    compared++;
                  }
                }
    expect(compared).toBe(4 * 2 * 3 * 3 * 2 * 2 * 4 * 4);
  });
});

describe('the leadership trail', () => {
  const program = { tenantId, id: 'p1', managerIds: ['pm'] };
  it.each([
    ['pm', [], 'p1', 'ok'],
    ['pm', [], 'p2', 'not_found'],
    ['anyone', ['ProgramManager'], 'p1', 'ok'],
    ['mentee', [], 'p1', 'not_found'],
    ['other-pm', [], 'p1', 'not_found'],
  ] as const)('%s (roles %j) for a pair of %s: %s', (who, roles, pairProgram, expected) => {
    expect(code(authorizeTrail(actor(who, [...roles]), program, { tenantId, programId: pairProgram }))).toBe(expected);
  });

  it('is nothing to a manager from another tenant, even with the role', () => {
    expect(code(authorizeTrail(actor('pm', ['ProgramManager'], 'tenant-b'), program, { tenantId, programId: 'p1' }))).toBe('not_found');
  });
});
