// A completed or dropped goal is closed: the API allows only reopening it, and the plan view's
// `can` offers exactly what the API allows.
import { describe, expect } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor, type GoalView, type PlanView } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { apiAs } from '../support/apiClient';
import { serverTest } from '../support/fixtures';

const pairId = demoPairIds.alex;
const inAWeek = () => addDays(todayIn('UTC', new Date()), 7);
const goalPath = (goalId: string) => pathFor(paths.goal, { pairId, goalId });

const test = serverTest
  .extend(
    'goalView',
    ({ alex }) =>
      async function goalView(goalId: string): Promise<GoalView> {
        const plan = (await alex().get<PlanView>(pathFor(paths.plan, { pairId }))).body;
        return plan.goals.find((g) => g.value.id === goalId)!;
      },
  )
  /** A new goal with one milestone and one activity, then closed with the given status. */
  .extend(
    'closedGoal',
    ({ alex, priya }) =>
      async function closedGoal(status: 'completed' | 'dropped') {
        const created = await alex().post(pathFor(paths.goals, { pairId }), { title: `Run a brown-bag session (${status})` });
        const goalId: string = created.body.value.id;
        const milestone = await alex().post(pathFor(paths.milestones, { pairId, goalId }), { title: 'Pick a topic', dueDate: inAWeek() });
        const activity = await alex().post(pathFor(paths.activities, { pairId, goalId }), {
          kind: 'networking',
          title: 'Invite the platform team',
        });
        const closed = await priya().patch(goalPath(goalId), { status, reason: 'Done for this quarter' }, created.body.etag);
        expect(closed.status).toBe(200);
        return { goalId, etag: closed.body.etag as string, milestone: milestone.body, activity: activity.body };
      },
  );

describe.each(['completed', 'dropped'] as const)('a %s goal', (status) => {
  test('refuses edits, new milestones and activities, and changes to its items', async ({ alex, goalView, closedGoal }) => {
    const { goalId, etag, milestone, activity } = await closedGoal(status);
    const refusals = [
      await alex().patch(goalPath(goalId), { title: 'Run two brown-bag sessions' }, etag),
      await alex().patch(goalPath(goalId), { status: 'active', title: 'Reopened and renamed' }, etag),
      await alex().post(pathFor(paths.milestones, { pairId, goalId }), { title: 'Book a room', dueDate: inAWeek() }),
      await alex().post(pathFor(paths.activities, { pairId, goalId }), { kind: 'targeted_learning', title: 'Presentation course' }),
      await alex().patch(pathFor(paths.milestone, { pairId, goalId, milestoneId: milestone.value.id }), { done: true }, milestone.etag),
      await alex().delete(pathFor(paths.milestone, { pairId, goalId, milestoneId: milestone.value.id }), milestone.etag),
      await alex().patch(pathFor(paths.activity, { pairId, goalId, activityId: activity.value.id }), { status: 'done' }, activity.etag),
      await alex().delete(pathFor(paths.activity, { pairId, goalId, activityId: activity.value.id }), activity.etag),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'forbidden', message: `This goal is ${status}. Reopen it before you change it.` });
    }
    const view = await goalView(goalId);
    expect(view.value).toMatchObject({ title: `Run a brown-bag session (${status})`, status, revision: 2 });
    expect(view.milestones.map((m) => [m.value.title, m.value.done])).toEqual([['Pick a topic', false]]);
    expect(view.activities.map((a) => [a.value.title, a.value.status])).toEqual([['Invite the platform team', 'planned']]);
  });

  test('offers only reopening in the plan view, and reopening makes it editable again', async ({ alex, goalView, closedGoal }) => {
    const { goalId, etag } = await closedGoal(status);
    const closed = await goalView(goalId);
    expect(closed.can).toEqual({
      edit: false,
      close: false,
      reopen: true,
      addMilestone: false,
      changeMilestones: false,
      addActivity: false,
      changeActivities: false,
      askFeedback: false,
    });

    const reopened = await alex().patch(goalPath(goalId), { status: 'active', reason: 'One more session' }, etag);
    expect(reopened.status).toBe(200);
    expect(reopened.body.value.status).toBe('active');
    const active = await goalView(goalId);
    expect(active.can).toMatchObject({ edit: true, close: true, reopen: false, addMilestone: true, addActivity: true, askFeedback: true });
    expect((await alex().post(pathFor(paths.milestones, { pairId, goalId }), { title: 'Book a room', dueDate: inAWeek() })).status).toBe(
      201,
    );
    expect((await alex().patch(goalPath(goalId), { title: 'Run two brown-bag sessions' }, reopened.body.etag)).status).toBe(200);
  });
});

describe('what the plan view offers', () => {
  test('matches the person: only the mentee asks for feedback, both edit an open plan', async ({ alex, priya }) => {
    const mentee = (await alex().get<PlanView>(pathFor(paths.plan, { pairId }))).body;
    const mentor = (await priya().get<PlanView>(pathFor(paths.plan, { pairId }))).body;
    expect(mentee.can).toMatchObject({
      editPlan: true,
      editAgreement: true,
      askFeedback: true,
      addWin: true,
      shareWin: true,
      sendFeedbackNote: false,
    });
    expect(mentor.can).toMatchObject({
      editPlan: true,
      editAgreement: true,
      askFeedback: false,
      addWin: true,
      shareWin: false,
      sendFeedbackNote: true,
    });
    const active = mentee.goals.find((g) => g.value.id === 'alex-oncall')!;
    expect(active.can).toMatchObject({ edit: true, close: true, reopen: false });
    expect(mentor.goals.find((g) => g.value.id === 'alex-oncall')!.can.askFeedback).toBe(false);
  });

  test('offers accepting the agreement until the person has accepted it, and the API agrees', async ({ server, alex, priya }) => {
    const alexPlan = (await alex().get<PlanView>(pathFor(paths.plan, { pairId }))).body;
    expect(alexPlan.pair.value.acceptedByMenteeAt).toEqual(expect.any(String));
    expect(alexPlan.can.acceptAgreement).toBe(false);
    const again = await alex().post(pathFor(paths.agreementAccept, { pairId }), undefined, { 'If-Match': alexPlan.pair.etag });
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({ code: 'invalid', message: 'You have already accepted this agreement.' });
    const unchanged = (await alex().get<PlanView>(pathFor(paths.plan, { pairId }))).body;
    expect(unchanged.pair.etag).toBe(alexPlan.pair.etag);

    const sam = apiAs(server.baseUrl, demoPeople.menteeSam.id);
    const samPlan = (await sam.get<PlanView>(pathFor(paths.plan, { pairId: demoPairIds.sam }))).body;
    expect(samPlan.can.acceptAgreement).toBe(true);
    expect((await priya().get<PlanView>(pathFor(paths.plan, { pairId: demoPairIds.sam }))).body.can.acceptAgreement).toBe(false);
  });
});
