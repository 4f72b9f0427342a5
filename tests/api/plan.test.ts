import { describe, expect } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor, type GoalHistoryView, type MeView, type PlanView } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { apiAs } from '../support/apiClient';
import { serverTest } from '../support/fixtures';
const planPath = (pairId: string) => pathFor(paths.plan, { pairId });
const goalsPath = (pairId: string) => pathFor(paths.goals, { pairId });
const goalPath = (pairId: string, goalId: string) => pathFor(paths.goal, { pairId, goalId });
const inAWeek = () => addDays(todayIn('UTC', new Date()), 7);

const test = serverTest;

describe('who am I', () => {
  test('lists a mentee’s pair and a mentor’s mentees', async ({ alex, priya }) => {
    const me = await alex().get<MeView>(paths.me);
    expect(me.status).toBe(200);
    expect(me.body.authMode).toBe('development');
    expect(me.body.pairs).toEqual([
      { pairId: demoPairIds.alex, role: 'mentee', status: 'active', other: expect.objectContaining({ displayName: 'Priya Raman' }) },
    ]);
    const mentor = await priya().get<MeView>(paths.me);
    expect(mentor.body.pairs.map((p) => [p.role, p.other.displayName])).toEqual([
      ['mentor', 'Alex Chen'],
      ['mentor', 'Sam Okafor'],
    ]);
  });

  test('offers the demo people for the development sign-in', async ({ server }) => {
    const res = await apiAs(server.baseUrl).get<{ people: { displayName: string }[] }>(paths.devPeople);
    expect(res.status).toBe(200);
    expect(res.body.people.map((p) => p.displayName)).toContain('Alex Chen');
  });

  test('answers 401 without an identity and for an unknown person', async ({ server }) => {
    expect((await apiAs(server.baseUrl).get(paths.me)).status).toBe(401);
    const unknown = await apiAs(server.baseUrl, '99999999-0000-0000-0000-000000000000').get(paths.me);
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('unauthenticated');
  });
});

describe('the plan', () => {
  test('shows the mentee’s plan with SMART gaps, progress and overdue milestones', async ({ alex }) => {
    const res = await alex().get<PlanView>(planPath(demoPairIds.alex));
    expect(res.status).toBe(200);
    const plan = res.body;
    expect(plan.viewerRole).toBe('mentee');
    expect(plan.program.priorities).toHaveLength(3);
    expect(plan.pair.accepted).toBe(true);
    const oncall = plan.goals.find((g) => g.value.id === 'alex-oncall')!;
    expect(oncall.smartGaps).toEqual([]);
    expect(oncall.progress).toBe(0.25);
    expect(oncall.milestones.map((m) => m.overdue)).toEqual([false, true, false]); // done, overdue, ahead
    const speaking = plan.goals.find((g) => g.value.id === 'alex-speaking')!;
    expect(speaking.smartGaps.map((g) => g.letter)).toEqual(['M', 'A', 'R']);
  });

  test('is shared with the mentor but hidden from everyone else', async ({ priya, sam, alex }) => {
    expect((await priya().get<PlanView>(planPath(demoPairIds.alex))).body.viewerRole).toBe('mentor');
    const other = await sam().get(planPath(demoPairIds.alex));
    expect(other.status).toBe(404);
    expect((await alex().get(planPath('no-such-pair'))).status).toBe(404);
  });
});

describe('goals', () => {
  test('creates a goal, edits it with its ETag and keeps the history', async ({ alex, priya }) => {
    const created = await alex().post(goalsPath(demoPairIds.alex), {
      title: 'Write a design doc / RFC #1? \\ yes',
      description: 'For the retry library.',
    });
    expect(created.status).toBe(201);
    const goal = created.body.value;
    expect(goal.title).toBe('Write a design doc / RFC #1? \\ yes');
    const plan = (await alex().get<PlanView>(planPath(demoPairIds.alex))).body;
    const view = plan.goals.find((g) => g.value.id === goal.id)!;
    expect(view.smartGaps.map((g) => g.letter)).toContain('M');

    const edited = await priya().patch(
      goalPath(demoPairIds.alex, goal.id),
      { metric: 'Reviews', baseline: 0, target: 3, reason: 'Make it measurable' },
      created.body.etag,
    );
    expect(edited.status).toBe(200);
    expect(edited.body.value).toMatchObject({ metric: 'Reviews', baseline: 0, target: 3, revision: 2, updatedBy: demoPeople.mentor.id });

    const completed = await alex().patch(goalPath(demoPairIds.alex, goal.id), { status: 'completed' }, edited.body.etag);
    expect(completed.body.value.status).toBe('completed');

    const history = await alex().get<GoalHistoryView>(pathFor(paths.goalHistory, { pairId: demoPairIds.alex, goalId: goal.id }));
    expect(history.body.revisions.map((r) => r.change)).toEqual(['completed', 'updated', 'created']);
    expect(history.body.revisions[1]).toMatchObject({
      by: demoPeople.mentor.id,
      reason: 'Make it measurable',
      fields: [
        { field: 'metric', from: null, to: 'Reviews' },
        { field: 'baseline', from: null, to: 0 },
        { field: 'target', from: null, to: 3 },
      ],
    });
  });

  test('answers a stale edit with 409 and the current version, and overwrites nothing', async ({ alex, priya }) => {
    const created = await alex().post(goalsPath(demoPairIds.alex), { title: 'Pair on the billing migration' });
    const { etag } = created.body;
    const path = goalPath(demoPairIds.alex, created.body.value.id);
    expect((await priya().patch(path, { title: 'Pair on the billing migration with Ana' }, etag)).status).toBe(200);
    const stale = await alex().patch(path, { title: 'Lead the billing migration' }, etag);
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.current.value.title).toBe('Pair on the billing migration with Ana');
    const plan = (await alex().get<PlanView>(planPath(demoPairIds.alex))).body;
    expect(plan.goals.find((g) => g.value.id === created.body.value.id)!.value.title).toBe('Pair on the billing migration with Ana');
  });

  test('requires If-Match on edits', async ({ alex }) => {
    const res = await alex().patch(goalPath(demoPairIds.alex, 'alex-oncall'), { current: 2 });
    expect(res.status).toBe(428);
  });

  test('clears a field with null and rejects a cleared title', async ({ alex }) => {
    const created = await alex().post(goalsPath(demoPairIds.alex), { title: 'Mentor an intern', dueDate: inAWeek(), hoursPerMonth: 4 });
    const cleared = await alex().patch(goalPath(demoPairIds.alex, created.body.value.id), { dueDate: null }, created.body.etag);
    expect(cleared.status).toBe(200);
    expect(cleared.body.value.dueDate).toBeUndefined();
  });
});

describe('milestones and activities', () => {
  test('adds, checks off and deletes a milestone', async ({ alex, priya }) => {
    const base = pathFor(paths.milestones, { pairId: demoPairIds.alex, goalId: 'alex-eval' });
    const created = await alex().post(base, { title: 'Label 100 more tickets', dueDate: inAWeek() });
    expect(created.status).toBe(201);
    const path = pathFor(paths.milestone, { pairId: demoPairIds.alex, goalId: 'alex-eval', milestoneId: created.body.value.id });
    const done = await priya().patch(path, { done: true }, created.body.etag);
    expect(done.body.value).toMatchObject({ done: true, doneAt: expect.any(String) });
    expect((await alex().delete(path, created.body.etag)).status).toBe(409);
    expect((await alex().delete(path, done.body.etag)).status).toBe(204);
    const plan = (await alex().get<PlanView>(planPath(demoPairIds.alex))).body;
    expect(plan.goals.find((g) => g.value.id === 'alex-eval')!.milestones.map((m) => m.value.id)).not.toContain(created.body.value.id);
  });

  test('adds an activity and moves it along', async ({ alex }) => {
    const base = pathFor(paths.activities, { pairId: demoPairIds.alex, goalId: 'alex-oncall' });
    const created = await alex().post(base, { kind: 'certification', title: 'Cloud reliability certificate' });
    expect(created.status).toBe(201);
    expect(created.body.value).toMatchObject({ status: 'planned', notes: '' });
    const path = pathFor(paths.activity, { pairId: demoPairIds.alex, goalId: 'alex-oncall', activityId: created.body.value.id });
    const moved = await alex().patch(path, { status: 'in_progress' }, created.body.etag);
    expect(moved.body.value.status).toBe('in_progress');
  });
});

describe('the agreement', () => {
  test('is accepted by each person, and a rewrite asks both to accept again', async ({ priya, sam, server }) => {
    const mentor = priya();
    const plan = (await mentor.get<PlanView>(planPath(demoPairIds.sam))).body;
    expect(plan.pair.accepted).toBe(false);
    const accepted = await sam().post(pathFor(paths.agreementAccept, { pairId: demoPairIds.sam }), undefined, {
      'If-Match': plan.pair.etag,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.value).toMatchObject({
      status: 'active',
      acceptedByMenteeAt: expect.any(String),
      acceptedByMentorAt: expect.any(String),
    });
    // Now active, the pair gets its first check-in on the agreed cadence.
    expect(plan.pair.value.status).toBe('proposed');
    const schedule = await server.app.repositories.checkInSchedules.get(demoPairIds.sam);
    expect(schedule?.value).toMatchObject({ nextSlot: expect.any(String), nextDueAt: expect.any(String) });
    const rewritten = await mentor.put(
      pathFor(paths.agreement, { pairId: demoPairIds.sam }),
      { ...plan.pair.value.agreement, hoursPerMonth: 3 },
      accepted.body.etag,
    );
    expect(rewritten.status).toBe(200);
    expect(rewritten.body.value.acceptedByMenteeAt).toBeUndefined();
    expect(rewritten.body.value.acceptedByMentorAt).toBeUndefined();
  });
});
