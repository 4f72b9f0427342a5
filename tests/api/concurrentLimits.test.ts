// Limits and duplicate checks hold when requests race: fired at once through the real API, they
// store no more than the limit, and identical wins store one.
import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { planTable } from '../../bot/storage/planTable';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor, type PlanView, type WinListView } from '../../shared/api';
import { limits } from '../../shared/limits';
import { addDays, todayIn } from '../../shared/dates';
import { apiAs } from '../support/apiClient';
import { serverTest } from '../support/fixtures';
import { tablesOf } from '../support/testServer';

// Racing requests take a while on a shared machine; nothing here measures time.
const test = serverTest.override({ serverOptions: { env: { RATE_LIMIT_WRITES_PER_MINUTE: '10000' } } });
const inAWeek = () => addDays(todayIn('UTC', new Date()), 7);

describe('under concurrency', { timeout: 60_000 }, () => {
  test('60 goals created at once store no more than a plan holds', async ({ sam }) => {
    const pairId = demoPairIds.sam;
    const plan = () => sam().get<PlanView>(pathFor(paths.plan, { pairId }));
    const before = (await plan()).body.goals.length;
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => sam().post(pathFor(paths.goals, { pairId }), { title: `Goal ${i}` })),
    );
    const created = results.filter((r) => r.status === 201).length;
    expect(results.every((r) => r.status === 201 || r.status === 400)).toBe(true);
    const after = (await plan()).body.goals.length;
    expect(after).toBe(limits.goalsPerPair);
    expect(created).toBe(limits.goalsPerPair - before);
  });

  test('40 milestones created at once, through two server instances, store no more than a goal holds', async ({
    alex,
    server,
    startServer,
  }) => {
    const pairId = demoPairIds.alex;
    const goal = await alex().post(pathFor(paths.goals, { pairId }), { title: 'Many steps' });
    const goalId = goal.body.value.id as string;
    // Each instance queues its own requests; between instances only the limit row's ETag decides.
    const other = await startServer({ sameTablesAs: server, seed: false, env: { RATE_LIMIT_WRITES_PER_MINUTE: '10000' } });
    const alexOn = [alex(), apiAs(other.baseUrl, demoPeople.menteeAlex.id)];
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        alexOn[i % 2]!.post(pathFor(paths.milestones, { pairId, goalId }), { title: `Step ${i}`, dueDate: inAWeek() }),
      ),
    );
    expect(results.every((r) => r.status === 201 || r.status === 400)).toBe(true);
    const plan = (await alex().get<PlanView>(pathFor(paths.plan, { pairId }))).body;
    const stored = plan.goals.find((g) => g.value.id === goalId)!.milestones.length;
    expect(stored).toBe(limits.milestonesPerGoal);
    expect(results.filter((r) => r.status === 201)).toHaveLength(limits.milestonesPerGoal);
  });

  test('milestones created at once by separate writers (as many instances) store no more than a goal holds', async ({ alex, server }) => {
    // Each planTable queues only its own writes: between them only the limit row's ETag decides.
    const pairId = demoPairIds.alex;
    const goal = await alex().post(pathFor(paths.goals, { pairId }), { title: 'Many writers' });
    const goalId = goal.body.value.id as string;
    const milestoneOf = (i: number) => ({ id: randomUUID(), goalId, title: `Step ${i}`, dueDate: inAWeek(), done: false });
    const first = planTable(tablesOf(server));
    for (let i = 0; i < limits.milestonesPerGoal - 5; i++) expect((await first.createMilestone(pairId, milestoneOf(i))).ok).toBe(true);
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) => planTable(tablesOf(server)).createMilestone(pairId, milestoneOf(100 + i))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(Array(10).fill('invalid'));
    const plan = (await alex().get<PlanView>(pathFor(paths.plan, { pairId }))).body;
    expect(plan.goals.find((g) => g.value.id === goalId)!.milestones).toHaveLength(limits.milestonesPerGoal);
  });

  test('50 identical wins sent at once store one, and every sender gets it', async ({ alex }) => {
    const pairId = demoPairIds.alex;
    const text = `Shipped the runbook ${Date.now()}`;
    const results = await Promise.all(Array.from({ length: 50 }, () => alex().post(pathFor(paths.wins, { pairId }), { text })));
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const wins = (await alex().get<WinListView>(pathFor(paths.wins, { pairId }))).body.wins.filter((w) => w.value.text === text);
    expect(wins).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.value.id))).toEqual(new Set([wins[0]!.value.id]));
  });
});
