// The pure part of checkpoints: due dates from the program's interval and the pair's start, the
// scorecard arithmetic (including periods with nothing to compute from), missed checkpoints, and
// who may do what.
import { describe, expect, it } from 'vitest';
import {
  checkpointDueDate,
  checkpointOn,
  checkpointPeriod,
  checkpointState,
  checkpointsUpTo,
  computeScorecard,
  isMissedCheckpoint,
  missedCheckpoints,
  ratingProblems,
} from '../../shared/checkpoints/checkpoint';
import { authorizeCheckpoint, canSeeCheckpointScorecard, type Actor } from '../../shared/policy';
import { defaultScorecardMetrics, type ScorecardMetric } from '../../shared/program';

describe('checkpoint due dates', () => {
  it('fall every interval after the start date, the last day of a shorter month when needed', () => {
    expect([1, 2, 3, 4].map((n) => checkpointDueDate('2025-11-30', 3, n))).toEqual([
      '2026-02-28',
      '2026-05-30',
      '2026-08-30',
      '2026-11-30',
    ]);
    expect(checkpointDueDate('2026-01-15', 1, 1)).toBe('2026-02-15');
  });

  it('review the days since the previous checkpoint (the first from the start date)', () => {
    expect(checkpointPeriod('2026-01-05', 3, 1)).toEqual({ number: 1, dueDate: '2026-04-05', from: '2026-01-05', to: '2026-04-05' });
    expect(checkpointPeriod('2026-01-05', 3, 2)).toEqual({ number: 2, dueDate: '2026-07-05', from: '2026-04-06', to: '2026-07-05' });
  });

  it('are listed up to the next one due, and a date off the schedule is no checkpoint', () => {
    expect(checkpointsUpTo('2026-01-05', 3, '2026-07-06').map((p) => p.dueDate)).toEqual(['2026-04-05', '2026-07-05', '2026-10-05']);
    expect(checkpointsUpTo('2026-01-05', 3, '2026-01-05').map((p) => p.dueDate)).toEqual(['2026-04-05']);
    expect(checkpointOn('2026-01-05', 3, '2026-07-05')?.number).toBe(2);
    expect(checkpointOn('2026-01-05', 3, '2026-07-06')).toBeUndefined();
  });
});

const period = { from: '2026-01-01', to: '2026-03-31' };
const noRatings = { mentee: {}, mentor: {} };
const byId = (values: ReturnType<typeof computeScorecard>) => Object.fromEntries(values.map((v) => [v.metricId, v]));

describe('the scorecard', () => {
  it('counts the milestones due in the period that were done by their due date', () => {
    const milestones = [
      { dueDate: '2026-01-10', done: true, doneAt: '2026-01-09T10:00:00.000Z' },
      { dueDate: '2026-02-10', done: true, doneAt: '2026-02-20T10:00:00.000Z' }, // late
      { dueDate: '2026-03-31', done: false },
      { dueDate: '2026-04-01', done: true }, // next period
      { dueDate: '2025-12-31', done: false }, // previous period
    ];
    const card = byId(computeScorecard({ metrics: defaultScorecardMetrics, period, milestones, feedback: [], ratings: noRatings }));
    expect(card['task-completion']).toEqual({ metricId: 'task-completion', value: 33, done: 1, total: 3 });
  });

  it('has no task completion value for a period without milestones (not 0, not 100)', () => {
    const card = byId(computeScorecard({ metrics: defaultScorecardMetrics, period, milestones: [], feedback: [], ratings: noRatings }));
    expect(card['task-completion']).toEqual({ metricId: 'task-completion', done: 0, total: 0 });
    expect(card['task-completion']!.value).toBeUndefined();
  });

  it('averages every rating of the 360 answers given in the period, and has no value without any', () => {
    const feedback = [
      { answeredAt: '2026-01-20T09:00:00.000Z', ratings: [5, 4] },
      { answeredAt: '2026-03-31T23:00:00.000Z', ratings: [3] },
      { answeredAt: '2026-04-01T00:00:00.000Z', ratings: [1, 1, 1] }, // next period
    ];
    const card = byId(computeScorecard({ metrics: defaultScorecardMetrics, period, milestones: [], feedback, ratings: noRatings }));
    expect(card['stakeholder-satisfaction']).toEqual({ metricId: 'stakeholder-satisfaction', value: 4, responses: 2 });
    const none = byId(
      computeScorecard({ metrics: defaultScorecardMetrics, period, milestones: [], feedback: feedback.slice(2), ratings: noRatings }),
    );
    expect(none['stakeholder-satisfaction']).toEqual({ metricId: 'stakeholder-satisfaction', responses: 0 });
  });

  it('keeps the mentee’s and the mentor’s rating and shows their mean', () => {
    const card = byId(
      computeScorecard({
        metrics: defaultScorecardMetrics,
        period,
        milestones: [],
        feedback: [],
        ratings: { mentee: { quality: 4, 'learning-transfer': 3 }, mentor: { quality: 3 } },
      }),
    );
    expect(card.quality).toEqual({ metricId: 'quality', value: 3.5, mentee: 4, mentor: 3 });
    expect(card['learning-transfer']).toEqual({ metricId: 'learning-transfer', value: 3, mentee: 3 });
  });

  it('includes the metrics a program adds, and checks ratings against each metric’s scale', () => {
    const extra: ScorecardMetric = { id: 'visibility', name: 'Visibility', description: '', source: 'rating', scale: { min: 1, max: 10 } };
    const metrics = [...defaultScorecardMetrics, extra];
    const card = byId(
      computeScorecard({ metrics, period, milestones: [], feedback: [], ratings: { mentee: { visibility: 8 }, mentor: {} } }),
    );
    expect(card.visibility).toEqual({ metricId: 'visibility', value: 8, mentee: 8 });
    expect(ratingProblems(metrics, { visibility: 10, quality: 5 })).toEqual([]);
    expect(ratingProblems(metrics, { quality: 6, 'task-completion': 3, visibility: 2.5 }).map((p) => p.path)).toEqual([
      'myRatings.quality',
      'myRatings.task-completion',
      'myRatings.visibility',
    ]);
  });
});

describe('missed checkpoints', () => {
  it('are the ones not signed off 14 days after their date', () => {
    expect(isMissedCheckpoint('2026-04-05', undefined, '2026-04-19')).toBe(false);
    expect(isMissedCheckpoint('2026-04-05', undefined, '2026-04-20')).toBe(true);
    expect(isMissedCheckpoint('2026-04-05', { status: 'draft' }, '2026-04-20')).toBe(true);
    expect(isMissedCheckpoint('2026-04-05', { status: 'signed_off' }, '2027-01-01')).toBe(false);
    expect(missedCheckpoints('2026-01-05', 3, [{ dueDate: '2026-04-05', status: 'signed_off' }], '2026-10-10')).toEqual(['2026-07-05']);
  });

  it('a checkpoint is due from a week before its date, in progress once prepared', () => {
    expect(checkpointState('2026-04-05', undefined, '2026-03-28')).toBe('upcoming');
    expect(checkpointState('2026-04-05', undefined, '2026-03-29')).toBe('due');
    expect(checkpointState('2026-04-05', { status: 'draft' }, '2026-03-01')).toBe('in_progress');
    expect(checkpointState('2026-04-05', { status: 'signed_off' }, '2026-03-01')).toBe('signed_off');
    expect(checkpointState('2026-04-05', { status: 'draft' }, '2026-05-01')).toBe('missed');
  });
});

describe('checkpoint permissions', () => {
  const tenantId = 'tenant-a';
  const pair = { tenantId, mentorId: 'mentor', menteeId: 'mentee', status: 'active' as const };
  const as = (id: string, appRoles: string[] = [], tenant = tenantId): Actor => ({ id, tenantId: tenant, timeZone: 'UTC', appRoles });
  const draft = { status: 'draft' as const };
  const signedOff = { status: 'signed_off' as const, signedByMentorAt: 'x', signedByMenteeAt: 'y' };

  it('lets both members prepare and sign off, each once; others are told nothing', () => {
    expect(authorizeCheckpoint(as('mentor'), pair, draft, 'prepare').ok).toBe(true);
    expect(authorizeCheckpoint(as('mentee'), pair, { ...draft, signedByMentorAt: 'x' }, 'sign_off').ok).toBe(true);
    expect(authorizeCheckpoint(as('mentor'), pair, { ...draft, signedByMentorAt: 'x' }, 'sign_off')).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(authorizeCheckpoint(as('stranger', ['ProgramManager']), pair, draft, 'view')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('makes a signed-off checkpoint read-only, open to a correction, and shareable by the mentee only', () => {
    expect(authorizeCheckpoint(as('mentee'), pair, signedOff, 'prepare')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(authorizeCheckpoint(as('mentor'), pair, signedOff, 'correct').ok).toBe(true);
    expect(authorizeCheckpoint(as('mentor'), pair, draft, 'correct').ok).toBe(false);
    expect(authorizeCheckpoint(as('mentee'), pair, signedOff, 'share').ok).toBe(true);
    expect(authorizeCheckpoint(as('mentor'), pair, signedOff, 'share')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('shows a program manager only a signed-off scorecard the mentee shared', () => {
    const program = { tenantId, managerIds: ['manager'] };
    const see = (c: { status: 'draft' | 'signed_off'; sharedWithProgram: boolean }) =>
      canSeeCheckpointScorecard(as('manager'), pair, program, c);
    expect(see({ status: 'signed_off', sharedWithProgram: true })).toBe(true);
    expect(see({ status: 'signed_off', sharedWithProgram: false })).toBe(false);
    expect(see({ status: 'draft', sharedWithProgram: true })).toBe(false);
    expect(canSeeCheckpointScorecard(as('mentee'), pair, program, { status: 'draft', sharedWithProgram: false })).toBe(true);
    // The same ids from another tenant are nobody here.
    expect(canSeeCheckpointScorecard(as('manager', [], 'tenant-b'), pair, program, { status: 'signed_off', sharedWithProgram: true })).toBe(
      false,
    );
    expect(authorizeCheckpoint(as('mentee', [], 'tenant-b'), pair, draft, 'view')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
