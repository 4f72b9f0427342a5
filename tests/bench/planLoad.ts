// Plan-load latency through the real API against a raw single-partition query of the same
// entities through @azure/data-tables, on the same Azurite, in the same run.
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { parseConfig } from '../../bot/config';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { seedDemo } from '../../bot/dev/seedDemo';
import { createLogger } from '../../bot/log';
import { createApp } from '../../bot/server';
import { planRowsFilter } from '../../bot/storage/planTable';
import { paths, pathFor } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { apiAgainstRaw, summarize, type LatencySummary } from './stats';

export interface PlanLoadResult {
  entities: number;
  /** As the HTTP client sees it: the figure the goal is judged on. */
  api: LatencySummary;
  /** As the server's own access log records it (request in to response out), for comparison. */
  apiServerSide: LatencySummary;
  rawQuery: LatencySummary;
  p50Ratio: number;
  p95Ratio: number;
  goal: string;
}

export async function benchPlanLoad(connectionString: string, samples: number): Promise<PlanLoadResult> {
  const tablePrefix = `bench${randomUUID().slice(0, 8)}`;
  const config = parseConfig({ PORT: '0', STORAGE_CONNECTION_STRING: connectionString, TABLE_PREFIX: tablePrefix, LOG_LEVEL: 'silent' });
  // The server's access log (one JSON line per request) gives its own view of each request's time.
  const serverMs: number[] = [];
  const log = createLogger('info', (line) => {
    const entry = JSON.parse(line) as { msg?: string; route?: string; durationMs?: number };
    if (entry.msg === 'request' && entry.route === paths.plan && typeof entry.durationMs === 'number') serverMs.push(entry.durationMs);
  });
  const { app, repositories, tables } = await createApp(config, { connectionString, tablePrefix }, { log });
  const now = new Date();
  await seedDemo(repositories, now);

  // A full plan: 10 goals with 6 milestones and 3 activities each, on top of the demo goals.
  const plan = repositories.plans;
  const pairId = demoPairIds.alex;
  const actor = demoPeople.menteeAlex.id;
  const due = addDays(todayIn('UTC', now), 30);
  const at = now.toISOString();
  for (let i = 0; i < 10; i++) {
    const id = `bench-goal-${i}`;
    await plan.createGoal(
      {
        id,
        pairId,
        title: `Goal ${i}`,
        description: 'A goal with every SMART field filled in for the benchmark.',
        metric: 'Count',
        baseline: 0,
        target: 10,
        current: i,
        resources: 'Time',
        hoursPerMonth: 4,
        priorityId: 'customer-reliability',
        aspiration: 'Grow',
        dueDate: due,
        status: 'active',
        revision: 1,
        createdAt: at,
        createdBy: actor,
        updatedAt: at,
        updatedBy: actor,
      },
      { goalId: id, revision: 1, change: 'created', at, by: actor, fields: [] },
    );
    for (let m = 0; m < 6; m++)
      await plan.createMilestone(pairId, { id: `${id}-m${m}`, goalId: id, title: `Milestone ${m}`, dueDate: due, done: m < 2 });
    for (let a = 0; a < 3; a++)
      await plan.createActivity(pairId, {
        id: `${id}-a${a}`,
        goalId: id,
        kind: 'targeted_learning',
        title: `Activity ${a}`,
        notes: '',
        status: 'planned',
      });
  }

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}${pathFor(paths.plan, { pairId })}`;
  const headers = { 'X-Dev-User': actor };

  let entities = 0;
  const rawQuery = async () => {
    let n = 0;
    for await (const _row of tables.plans.listEntities({ queryOptions: { filter: planRowsFilter(pairId) } })) n++;
    entities = n;
  };
  const { apiMs, rawMs } = await apiAgainstRaw({ url, headers, samples, warmup: 30, rawQuery });
  server.closeAllConnections();
  server.close();

  const api = summarize(apiMs);
  const apiServerSide = summarize(serverMs.slice(-apiMs.length));
  const raw = summarize(rawMs);
  return {
    entities,
    api,
    apiServerSide,
    rawQuery: raw,
    p50Ratio: Math.round((api.p50 / raw.p50) * 100) / 100,
    p95Ratio: Math.round((api.p95 / raw.p95) * 100) / 100,
    goal: 'p50 ratio at most 1.5',
  };
}
