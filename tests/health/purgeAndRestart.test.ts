// Program health stays true when pairs go and instances stop: a pair the retention purge removes
// leaves every total, slice and at-risk list it was in (what is left equals a rebuild from the pairs'
// own rows), also while other refreshes race it; and a write whose refresh the instance never ran
// (it stopped first) is refreshed by the daily recheck, whose record of it then goes.
import { odata } from '@azure/data-tables';
import { describe, expect } from 'vitest';
import { jobPaths } from '../../bot/api/jobRoutes';
import { DEMO_PROGRAM_ID, demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { programHealthTable } from '../../bot/storage/programHealthTable';
import { encodeKey } from '../../bot/storage/tables';
import { paths, pathFor } from '../../shared/api';
import type { Goal, GoalRevision } from '../../shared/goal';
import { OWED_REFRESH_GRACE_MS } from '../../shared/health/healthService';
import { DEFAULT_RETENTION_DAYS } from '../../shared/privacy/retention';
import { apiAs } from '../support/apiClient';
import { serverOutsideTests, serverTest } from '../support/fixtures';
import { addProgramPairs, programPairId, type PairPlan } from '../support/programPairs';
import { tablesOf, type TestServer } from '../support/testServer';

const JOBS_SECRET = 'purge-and-restart-secret-of-at-least-32-chars';
const DAY_MS = 86_400_000;
const PROGRAM = 'health-purge';
/** The server's clock: the time now, moved on by `ahead` when a test needs time to pass. */
const clock = { ahead: 0 };
const test = serverTest.override('serverOptions', { env: { JOBS_SECRET }, now: () => new Date(Date.now() + clock.ahead) });
const server = serverOutsideTests(test);

/** Six pairs; pair 64 alone in the `winter` cohort and alone with a goal on no priority; pair 66 silent for 30 days: at risk. */
const pairs: PairPlan[] = [
  { n: 61, programId: PROGRAM, cohort: 'spring', startedDaysAgo: 5, accepted: true, priorityId: 'customer-reliability' },
  { n: 62, programId: PROGRAM, cohort: 'spring', startedDaysAgo: 5, accepted: true, priorityId: 'customer-reliability' },
  { n: 63, programId: PROGRAM, cohort: 'spring', startedDaysAgo: 5, accepted: true, priorityId: 'ai-enabled-products' },
  { n: 64, programId: PROGRAM, cohort: 'winter', startedDaysAgo: 5, accepted: true },
  { n: 65, programId: PROGRAM, cohort: 'autumn', startedDaysAgo: 5, accepted: false, priorityId: 'customer-reliability' },
  { n: 66, programId: PROGRAM, cohort: 'autumn', startedDaysAgo: 30, accepted: true, priorityId: 'customer-reliability' },
];

const healthPath = pathFor(paths.programHealth, { programId: PROGRAM });
const view = async () => {
  const res = await apiAs(server.baseUrl, demoPeople.manager.id).get(healthPath);
  expect(res.status).toBe(200);
  return res.body;
};
const goalsOn = (v: any, priorityId: string) => v.goalsByPriority.find((g: any) => g.priorityId === priorityId)?.figure.value;
const runJob = (path: string) => apiAs(server.baseUrl).post(path, undefined, { 'x-jobs-secret': JOBS_SECRET });

/** Every ProgramHealth row that names the pair in a key. */
async function healthRowsNaming(pairId: string): Promise<string[]> {
  const out: string[] = [];
  for await (const row of tablesOf(server).programHealth.listEntities()) {
    const keys = `${row.partitionKey}|${row.rowKey}`.split('|');
    if (keys.includes(pairId)) out.push(`${row.partitionKey}/${row.rowKey}`);
  }
  return out;
}

/** The pairs whose record of a refresh owed is stored. */
async function owedRefreshes(): Promise<string[]> {
  const out: string[] = [];
  for await (const row of tablesOf(server).programHealth.listEntities({
    queryOptions: { filter: odata`PartitionKey eq ${'refresh|owed'}` },
  }))
    out.push(String(row.rowKey));
  return out.sort();
}

async function addGoal(target: TestServer, n: number, id: string, priorityId: string) {
  const { plans } = target.app.repositories;
  const alex = (await plans.load(demoPairIds.alex))!;
  const at = new Date().toISOString();
  const goal: Goal = { ...alex.goals[0]!.value, id, pairId: programPairId(n), priorityId, revision: 1 };
  const revision: GoalRevision = { goalId: id, revision: 1, change: 'created', at, by: demoPeople.manager.id, fields: [] };
  const res = await plans.createGoal(goal, revision);
  expect(res.ok).toBe(true);
}

/** What a rebuild from every pair's own rows shows, to compare with what was kept as things happened. */
async function rebuiltView() {
  await server.app.health.service.rebuildProgram(PROGRAM);
  return view();
}

test.beforeAll(async ({ server }) => {
  const { programs } = server.app.repositories;
  const program = (await programs.get(DEMO_PROGRAM_ID))!.value;
  await programs.save({ ...program, id: PROGRAM, name: 'Health purge', managerIds: [demoPeople.manager.id] });
  await addProgramPairs(server, pairs, new Date().toISOString().slice(0, 10));
  await server.app.health.service.settled();
});

describe('a pair that is gone leaves the program health', () => {
  test('the retention purge takes an expired pair out of every total and slice; the rest is counted exactly', async () => {
    const { plans } = server.app.repositories;
    const loaded = (await plans.load(programPairId(64)))!;
    const endedAt = new Date(Date.now() - (DEFAULT_RETENTION_DAYS + 5) * DAY_MS).toISOString();
    const ended = await plans.updateMentorship({ ...loaded.mentorship.value, status: 'ended', endedAt }, loaded.mentorship.etag);
    expect(ended.ok).toBe(true);
    await server.app.health.service.settled();
    const before = await view();
    expect(before.participation.value).toEqual({ pairs: 6, activePairs: 5, acceptedAgreements: 5 });
    expect(before.choices.cohorts).toEqual(['autumn', 'spring', 'winter']);
    expect(before.goalsByPriority.map((g: any) => g.priorityId)).toContain('none');
    const reliability = goalsOn(before, 'customer-reliability');
    expect(reliability).toBe(4);
    expect(await healthRowsNaming(programPairId(64))).not.toEqual([]);

    const job = await runJob(jobPaths.retention);
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ outcome: 'purged', purgedPairs: 1 });

    const after = await view();
    expect(after.participation.value).toEqual({ pairs: 5, activePairs: 5, acceptedAgreements: 4 });
    expect(after.choices.cohorts).toEqual(['autumn', 'spring']);
    expect(after.choices.priorities.map((p: any) => p.id)).not.toContain('none');
    expect(after.goalsByPriority.map((g: any) => g.priorityId)).not.toContain('none');
    expect(goalsOn(after, 'customer-reliability')).toBe(reliability);
    expect(after.atRisk.value.count).toBe(1);
    // Nothing of the pair is left in the health either: no pair row, no recheck entry, no record of a refresh owed.
    expect(await healthRowsNaming(programPairId(64))).toEqual([]);
    expect(await rebuiltView()).toEqual(after);
  });

  test('a pair at risk that is gone leaves the at-risk count and list, while a refresh of another pair races it', async () => {
    const before = await view();
    expect(before.atRisk.value.count).toBe(1);
    expect(before.atRisk.value.pairs.map((p: any) => p.pairId)).toEqual([programPairId(66)]);
    const reliability = goalsOn(before, 'customer-reliability');
    // Pair 66's own rows are removed (as a purge does), while a write on pair 61 moves the same totals.
    const tables = tablesOf(server);
    const own = [];
    for await (const row of tables.plans.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${encodeKey(programPairId(66))}` } }))
      own.push(row);
    expect(own.length).toBeGreaterThan(1);
    for (const row of own) await tables.plans.deleteEntity(row.partitionKey!, row.rowKey!);
    await Promise.all([
      server.app.health.service.refreshPair(programPairId(66), PROGRAM),
      addGoal(server, 61, 'race-while-gone', 'customer-reliability'),
    ]);
    await server.app.health.service.settled();

    const after = await view();
    expect(after.participation.value).toEqual({ pairs: 4, activePairs: 4, acceptedAgreements: 3 });
    expect(after.atRisk.value).toEqual({ count: 0, pairs: [] });
    // Pair 66's goal left with it; pair 61's second goal came.
    expect(goalsOn(after, 'customer-reliability')).toBe(reliability);
    expect(after.goalsByPriority.find((g: any) => g.priorityId === 'customer-reliability').figure.people).toBe(6);
    expect(await healthRowsNaming(programPairId(66))).toEqual([]);
    expect(await rebuiltView()).toEqual(after);
  });
});

describe('a refresh owed when an instance stops', () => {
  test('a refresh that ran removes its record', async () => {
    await addGoal(server, 63, 'refreshed-here', 'ai-enabled-products');
    await server.app.health.service.settled();
    expect(await owedRefreshes()).toEqual([]);
  });

  test('a record written again since it was read stays when the older one is removed', async () => {
    const records = programHealthTable(tablesOf(server));
    await records.oweRefresh(programPairId(99));
    const read = (await records.refreshesOwed(new Date(Date.now() + DAY_MS))).find((r) => r.pairId === programPairId(99))!;
    expect(read.etag).toMatch(/\S/);
    await records.oweRefresh(programPairId(99));
    await records.paidRefresh(read);
    expect(await owedRefreshes()).toEqual([programPairId(99)]);
    const newer = (await records.refreshesOwed(new Date(Date.now() + DAY_MS))).find((r) => r.pairId === programPairId(99))!;
    await records.paidRefresh(newer);
    expect(await owedRefreshes()).toEqual([]);
  });

  test('is recorded before the write answers, and run by the daily recheck after the instance stopped', async ({ startServer }) => {
    const before = await view();
    const reliability = goalsOn(before, 'customer-reliability');
    // A second instance whose refreshes never get to run: it stops first.
    const stopping = await startServer({
      sameTablesAs: server,
      seed: false,
      env: { JOBS_SECRET },
      healthRefreshWait: () => new Promise<void>(() => undefined),
    });
    await addGoal(stopping, 62, 'owed-goal', 'customer-reliability');
    expect(await owedRefreshes()).toEqual([programPairId(62)]);
    await stopping.close();
    expect(goalsOn(await view(), 'customer-reliability')).toBe(reliability);
    // A record this young may be a refresh another instance is about to run: the recheck leaves it.
    await server.app.health.service.recheckDue();
    expect(await owedRefreshes()).toEqual([programPairId(62)]);

    clock.ahead = OWED_REFRESH_GRACE_MS + 60_000;
    const job = await runJob(jobPaths.health);
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ outcome: 'rechecked', failed: 0 });
    expect(job.body.refreshed).toBeGreaterThanOrEqual(1);
    const after = await view();
    expect(goalsOn(after, 'customer-reliability')).toBe(reliability + 1);
    expect(await owedRefreshes()).toEqual([]);
    expect(await rebuiltView()).toEqual(after);
  });
});
