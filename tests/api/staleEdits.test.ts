// A refused stale edit says who saved the version it returns, so the tab can tell "you, in another
// window" from "your mentor": the 409's `current` carries `updatedBy` and `updatedAt`.
import { describe, expect } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { serverTest } from '../support/fixtures';

const test = serverTest;
const inAWeek = () => addDays(todayIn('UTC', new Date()), 7);

describe('the version a 409 returns', () => {
  test('names who saved a goal and when', async ({ alex, priya }) => {
    const created = await alex().post(pathFor(paths.goals, { pairId: demoPairIds.alex }), { title: 'Write the on-call guide' });
    const path = pathFor(paths.goal, { pairId: demoPairIds.alex, goalId: created.body.value.id });
    expect((await priya().patch(path, { metric: 'pages written' }, created.body.etag)).status).toBe(200);
    const stale = await alex().patch(path, { risks: 'Busy quarter.' }, created.body.etag);
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.value).toMatchObject({
      metric: 'pages written',
      updatedBy: demoPeople.mentor.id,
      updatedAt: expect.any(String),
    });
  });

  test('names who saved a milestone and when, including the person themself in another window', async ({ alex, priya }) => {
    const base = pathFor(paths.milestones, { pairId: demoPairIds.alex, goalId: 'alex-eval' });
    const created = await alex().post(base, { title: 'Label 50 tickets', dueDate: inAWeek() });
    expect(created.body.value).toMatchObject({ updatedBy: demoPeople.menteeAlex.id, updatedAt: expect.any(String) });
    const path = pathFor(paths.milestone, { pairId: demoPairIds.alex, goalId: 'alex-eval', milestoneId: created.body.value.id });

    const byPriya = await priya().patch(path, { title: 'Label 60 tickets' }, created.body.etag);
    const stale = await alex().patch(path, { dueDate: addDays(inAWeek(), 1) }, created.body.etag);
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toEqual({
      value: expect.objectContaining({ title: 'Label 60 tickets', updatedBy: demoPeople.mentor.id, updatedAt: expect.any(String) }),
      etag: byPriya.body.etag,
    });

    const byAlex = await alex().patch(path, { done: true }, byPriya.body.etag);
    const staleAgain = await alex().patch(path, { title: 'Label 70 tickets' }, byPriya.body.etag);
    expect(staleAgain.status).toBe(409);
    expect(staleAgain.body.error.current).toEqual({
      value: expect.objectContaining({ done: true, updatedBy: demoPeople.menteeAlex.id }),
      etag: byAlex.body.etag,
    });
  });
});
