// Every rejected request answers 4xx with a message a person can act on, and writes nothing.
import { describe, expect, it } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor, type PlanView } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { apiAs } from '../support/apiClient';
import { serverOutsideTests, serverTest } from '../support/fixtures';

// The bad-input table is built before the tests run: its requests reach the file's server through this.
const server = serverOutsideTests(serverTest);
const pairId = demoPairIds.alex;
const alex = () => apiAs(server.baseUrl, demoPeople.menteeAlex.id);
const goals = () => pathFor(paths.goals, { pairId });
const goal = (goalId = 'alex-oncall') => pathFor(paths.goal, { pairId, goalId });
const milestones = () => pathFor(paths.milestones, { pairId, goalId: 'alex-oncall' });
const yesterday = () => addDays(todayIn(demoPeople.menteeAlex.timeZone, new Date()), -1);

async function snapshot(): Promise<string> {
  const plan = (await alex().get<PlanView>(pathFor(paths.plan, { pairId }))).body;
  const history = await Promise.all(plan.goals.map((g) => alex().get(pathFor(paths.goalHistory, { pairId, goalId: g.value.id }))));
  return JSON.stringify({ goals: plan.goals, pair: plan.pair, history: history.map((h) => h.body) });
}

async function etagOf(goalId = 'alex-oncall'): Promise<string> {
  const plan = (await alex().get<PlanView>(pathFor(paths.plan, { pairId }))).body;
  return plan.goals.find((g) => g.value.id === goalId)!.etag;
}

interface Case {
  name: string;
  send: () => Promise<{ status: number; body: any }>;
  status: number;
  field?: string;
  message: RegExp;
}

const cases: Case[] = [
  {
    name: 'an empty title',
    send: () => alex().post(goals(), { title: '   ' }),
    status: 400,
    field: 'title',
    message: /Give the goal a title/,
  },
  {
    name: 'a missing title',
    send: () => alex().post(goals(), { description: 'no title' }),
    status: 400,
    field: 'title',
    message: /required/,
  },
  {
    name: 'a due date in the past',
    send: () => alex().post(goals(), { title: 'Late', dueDate: yesterday() }),
    status: 400,
    field: 'dueDate',
    message: /in the past/,
  },
  {
    name: 'a date that does not exist',
    send: () => alex().post(goals(), { title: 'Feb', dueDate: '2027-02-30' }),
    status: 400,
    field: 'dueDate',
    message: /does not exist/,
  },
  {
    name: 'a target equal to the baseline',
    send: () => alex().post(goals(), { title: 'Flat', baseline: 5, target: 5 }),
    status: 400,
    field: 'target',
    message: /differ from the baseline/,
  },
  {
    name: 'a 40,000-character description',
    send: () => alex().post(goals(), { title: 'Long', description: 'x'.repeat(40_000) }),
    status: 400,
    field: 'description',
    message: /at most 2000 characters/,
  },
  {
    name: 'an unknown field',
    send: () => alex().post(goals(), { title: 'Sneaky', ownerId: demoPeople.mentor.id }),
    status: 400,
    message: /Unknown field: ownerId/,
  },
  {
    name: 'a wrong type',
    send: () => alex().post(goals(), { title: 'Typed', target: 'ten' }),
    status: 400,
    field: 'target',
    message: /Enter a number/,
  },
  {
    name: 'a priority that is not in the program',
    send: () => alex().post(goals(), { title: 'Elsewhere', priorityId: 'world-domination' }),
    status: 400,
    field: 'priorityId',
    message: /not part of this program/,
  },
  {
    name: 'a body that is not JSON',
    send: () => alex().post(goals(), '{"title": ', { 'Content-Type': 'application/json' }),
    status: 400,
    message: /not valid JSON/,
  },
  {
    name: 'a milestone due in the past',
    send: () => alex().post(milestones(), { title: 'Old', dueDate: yesterday() }),
    status: 400,
    field: 'dueDate',
    message: /in the past/,
  },
  {
    name: 'a milestone without a title',
    send: () => alex().post(milestones(), { title: '', dueDate: '2099-01-01' }),
    status: 400,
    field: 'title',
    message: /Give the milestone a title/,
  },
  { name: 'an empty edit', send: async () => alex().patch(goal(), {}, await etagOf()), status: 400, message: /Nothing to change/ },
  {
    name: 'an edit that makes the target equal the baseline',
    send: async () => alex().patch(goal(), { target: 0 }, await etagOf()),
    status: 400,
    field: 'target',
    message: /differ from the baseline/,
  },
  {
    name: 'an edit moving the due date into the past',
    send: async () => alex().patch(goal(), { dueDate: yesterday() }, await etagOf()),
    status: 400,
    field: 'dueDate',
    message: /in the past/,
  },
  {
    name: 'an invalid status',
    send: async () => alex().patch(goal(), { status: 'abandoned' }, await etagOf()),
    status: 400,
    field: 'status',
    message: /Use one of: active, completed, dropped/,
  },
  {
    name: 'a stale edit',
    send: () => alex().patch(goal(), { current: 2 }, 'W/"datetime\'2001-01-01T00%3A00%3A00Z\'"'),
    status: 409,
    message: /Someone changed this goal/,
  },
  { name: 'an edit without If-Match', send: () => alex().patch(goal(), { current: 2 }), status: 428, message: /If-Match/ },
  {
    name: 'an edit of a goal that does not exist',
    send: () => alex().patch(goal('nope'), { current: 2 }, `W/"datetime'2001-01-01T00%3A00%3A00Z'"`),
    status: 404,
    message: /does not exist/,
  },
  {
    name: 'an id with forbidden characters',
    send: () => alex().get(`/api/pairs/${encodeURIComponent('a/b#c')}/plan`),
    status: 404,
    message: /nothing at this address/,
  },
  {
    name: 'a body over the size limit',
    send: () => alex().post(goals(), { title: 'Huge', description: 'x'.repeat(200_000) }),
    status: 413,
    message: /too large/,
  },
];

describe('bad input', () => {
  it.each(cases)('refuses $name and changes nothing', async ({ send, status, field, message }) => {
    const before = await snapshot();
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body.error.message + JSON.stringify(res.body.error.issues ?? [])).toMatch(message);
    if (field) expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(field);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|RestError|stack/i);
    expect(await snapshot()).toBe(before);
  });
});
