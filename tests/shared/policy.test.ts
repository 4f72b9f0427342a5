import { describe, expect, it } from 'vitest';
import {
  authorizeAgreementAcceptance,
  authorizeFeedback,
  authorizeGoal,
  authorizePlan,
  authorizeProgram,
  canSeeEntry,
  goalActionOf,
  goalPermissions,
  inActorsTenant,
  isProgramManager,
  planPermissions,
  PROGRAM_MANAGER_ROLE,
  type Actor,
  type EntryAccess,
  type GoalAction,
} from '../../shared/policy';

const TENANT = 'aaaaaaaa-0000-4000-8000-000000000001';
const OTHER_TENANT = 'bbbbbbbb-0000-4000-8000-000000000002';
const actor = (id: string, appRoles: string[] = [], tenantId = TENANT): Actor => ({ id, tenantId, timeZone: 'UTC', appRoles });
const pair = { tenantId: TENANT, mentorId: 'mentor', menteeId: 'mentee', status: 'active' as const };
const program = { tenantId: TENANT, managerIds: ['pm'] };
const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

describe('plans', () => {
  it.each([
    ['mentee', 'view', 'ok'],
    ['mentor', 'edit_plan', 'ok'],
    ['pm', 'view', 'not_found'],
    ['stranger', 'view', 'not_found'],
  ] as const)('%s may %s: %s', (who, action, expected) => {
    expect(code(authorizePlan(actor(who), pair, action))).toBe(expected);
  });

  it('keeps an ended pair readable but not editable', () => {
    const ended = { ...pair, status: 'ended' as const };
    expect(code(authorizePlan(actor('mentee'), ended, 'view'))).toBe('ok');
    expect(code(authorizePlan(actor('mentee'), ended, 'edit_plan'))).toBe('forbidden');
  });
});

describe('one side of the pair', () => {
  it.each([
    ['mentee', 'ask_feedback', 'ok'],
    ['mentor', 'ask_feedback', 'forbidden'],
    ['mentee', 'share_win', 'ok'],
    ['mentor', 'share_win', 'forbidden'],
    ['mentor', 'send_feedback_note', 'ok'],
    ['mentee', 'send_feedback_note', 'forbidden'],
    ['stranger', 'ask_feedback', 'not_found'],
  ] as const)('%s may %s: %s', (who, action, expected) => {
    expect(code(authorizePlan(actor(who), pair, action))).toBe(expected);
  });
});

describe('the agreement', () => {
  it('is accepted once by each person', () => {
    const half = { ...pair, acceptedByMentorAt: '2026-01-01T00:00:00.000Z' };
    expect(code(authorizeAgreementAcceptance(actor('mentee'), half))).toBe('ok');
    expect(code(authorizeAgreementAcceptance(actor('mentor'), half))).toBe('invalid');
    expect(code(authorizeAgreementAcceptance(actor('mentee'), { ...half, status: 'ended' }))).toBe('forbidden');
  });
});

describe('goals', () => {
  it.each([
    ['active', 'active', ['title'], 'edit'],
    ['active', 'completed', ['status', 'current'], 'close'],
    ['dropped', 'active', ['status'], 'reopen'],
    ['completed', 'active', ['status', 'title'], 'edit'],
    ['completed', 'dropped', ['status'], 'edit'],
    ['completed', 'completed', ['title'], 'edit'],
  ] as const)('a change from %s to %s of %j is %s', (before, after, fields, expected) => {
    expect(goalActionOf(before, after, fields)).toBe(expected);
  });

  const actions: GoalAction[] = ['edit', 'close', 'add_milestone', 'change_milestone', 'add_activity', 'change_activity'];
  it('allows a closed goal only to be reopened', () => {
    for (const status of ['completed', 'dropped'] as const) {
      for (const action of actions) expect(code(authorizeGoal({ status }, action))).toBe('forbidden');
      expect(code(authorizeGoal({ status }, 'reopen'))).toBe('ok');
    }
    for (const action of actions) expect(code(authorizeGoal({ status: 'active' }, action))).toBe('ok');
    expect(code(authorizeGoal({ status: 'active' }, 'reopen'))).toBe('invalid');
  });
});

describe('what a view offers', () => {
  it('is what the checks allow', () => {
    const mentee = planPermissions(actor('mentee'), pair);
    expect(mentee).toEqual({
      editPlan: true,
      editAgreement: true,
      acceptAgreement: true,
      askFeedback: true,
      addWin: true,
      shareWin: true,
      sendFeedbackNote: false,
    });
    expect(goalPermissions(mentee, { status: 'completed' })).toEqual({
      edit: false,
      close: false,
      reopen: true,
      addMilestone: false,
      changeMilestones: false,
      addActivity: false,
      changeActivities: false,
      askFeedback: false,
    });
    const ended = planPermissions(actor('mentor'), { ...pair, status: 'ended' });
    expect(Object.values(ended).every((v) => v === false)).toBe(true);
    expect(Object.values(goalPermissions(ended, { status: 'completed' })).every((v) => v === false)).toBe(true);
    expect(goalPermissions(planPermissions(actor('mentor'), pair), { status: 'active' })).toMatchObject({ edit: true, askFeedback: false });
  });
});

describe('programs', () => {
  it('belong to the program’s managers and to holders of the app role', () => {
    expect(code(authorizeProgram(actor('pm'), program, 'edit_settings'))).toBe('ok');
    expect(code(authorizeProgram(actor('someone', [PROGRAM_MANAGER_ROLE]), program, 'view_aggregates'))).toBe('ok');
    expect(code(authorizeProgram(actor('mentee'), program, 'view_settings'))).toBe('not_found');
    expect(code(authorizeProgram(actor('mentee', ['Reader']), program, 'view_settings'))).toBe('not_found');
  });
});

describe('feedback requests', () => {
  const request = { tenantId: TENANT, menteeId: 'mentee', mentorId: 'mentor', respondentIds: ['peer'] };
  it('may be answered only by the people they name', () => {
    expect(code(authorizeFeedback(actor('peer'), request, 'respond'))).toBe('ok');
    expect(code(authorizeFeedback(actor('stranger'), request, 'respond'))).toBe('forbidden');
    expect(code(authorizeFeedback(actor('mentee'), request, 'respond'))).toBe('forbidden');
  });
  it('show results to the pair only', () => {
    expect(code(authorizeFeedback(actor('mentee'), request, 'view_results'))).toBe('ok');
    expect(code(authorizeFeedback(actor('mentor'), request, 'view_results'))).toBe('ok');
    expect(code(authorizeFeedback(actor('peer'), request, 'view_results'))).toBe('not_found');
    expect(code(authorizeFeedback(actor('pm'), request, 'view_results'))).toBe('not_found');
  });
});

describe('journal entries', () => {
  const entry = (over: Partial<EntryAccess>): EntryAccess => ({
    authorId: 'mentee',
    visibility: 'pair',
    menteeConsented: false,
    pair,
    program,
    ...over,
  });
  it.each([
    ['private entry, its author', entry({ visibility: 'private' }), 'mentee', true],
    ['private entry, the mentor', entry({ visibility: 'private' }), 'mentor', false],
    ['private entry by the mentor, the mentee', entry({ visibility: 'private', authorId: 'mentor' }), 'mentee', false],
    ['pair entry, the mentor', entry({}), 'mentor', true],
    ['pair entry, a program manager', entry({}), 'pm', false],
    ['program entry without consent, a program manager', entry({ visibility: 'program' }), 'pm', false],
    ['program entry with consent, a program manager', entry({ visibility: 'program', menteeConsented: true }), 'pm', true],
    ['program entry with consent, a stranger', entry({ visibility: 'program', menteeConsented: true }), 'stranger', false],
  ] as const)('%s: %s', (_name, e, who, expected) => {
    expect(canSeeEntry(actor(who), e)).toBe(expected);
  });
});

describe('tenant isolation', () => {
  it('compares tenant ids without regard to case, and nothing is in a tenant when missing', () => {
    expect(inActorsTenant(actor('mentee'), { tenantId: TENANT.toUpperCase() })).toBe(true);
    expect(inActorsTenant(actor('mentee'), { tenantId: OTHER_TENANT })).toBe(false);
    expect(inActorsTenant(actor('mentee'), undefined)).toBe(false);
  });

  it('answers a pair of another tenant as missing, even to an object id that is a member there', () => {
    for (const who of ['mentee', 'mentor'] as const) {
      expect(code(authorizePlan(actor(who, [], OTHER_TENANT), pair, 'view'))).toBe('not_found');
      expect(code(authorizePlan(actor(who, [], OTHER_TENANT), { ...pair, status: 'ended' }, 'edit_plan'))).toBe('not_found');
    }
    expect(code(authorizeAgreementAcceptance(actor('mentee', [], OTHER_TENANT), pair))).toBe('not_found');
    expect(Object.values(planPermissions(actor('mentor', [], OTHER_TENANT), pair)).every((v) => v === false)).toBe(true);
  });

  it('honours the app role and the manager list only inside the program’s own tenant', () => {
    expect(isProgramManager(actor('someone', [PROGRAM_MANAGER_ROLE], OTHER_TENANT), program)).toBe(false);
    expect(code(authorizeProgram(actor('someone', [PROGRAM_MANAGER_ROLE], OTHER_TENANT), program, 'edit_settings'))).toBe('not_found');
    expect(code(authorizeProgram(actor('pm', [], OTHER_TENANT), program, 'view_settings'))).toBe('not_found');
  });

  it('answers a feedback request of another tenant as missing, to its respondents too', () => {
    const request = { tenantId: TENANT, menteeId: 'mentee', mentorId: 'mentor', respondentIds: ['peer'] };
    expect(code(authorizeFeedback(actor('peer', [], OTHER_TENANT), request, 'respond'))).toBe('not_found');
    expect(code(authorizeFeedback(actor('mentee', [], OTHER_TENANT), request, 'view_results'))).toBe('not_found');
  });

  it('shows no journal entry of another tenant, not even to its author', () => {
    const entry: EntryAccess = { authorId: 'mentee', visibility: 'pair', menteeConsented: true, pair, program };
    expect(canSeeEntry(actor('mentee', [], OTHER_TENANT), entry)).toBe(false);
  });
});
