// Program health over the API: only the program's managers read it; every figure and every CSV row
// is hidden below five people; filters by cohort and priority; pairs at risk with their reasons and
// nothing a pair wrote; totals kept right while writes race; the dashboard's read copies of the
// totals equal the totals (a missing one is filled on read, an older writer never wins); the daily
// recheck catches what time alone changes and repairs a copy left older. Scorecard trends by quarter
// follow the same floor, each quarter on its own.
import { odata, type TableClient } from '@azure/data-tables';
import { describe, expect } from 'vitest';
import { programHealthTable } from '../../bot/storage/programHealthTable';
import { DEMO_PROGRAM_ID, demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor } from '../../shared/api';
import type { Goal, GoalRevision } from '../../shared/goal';
import { suppressedNote } from '../../shared/health/smallGroups';
import { apiAs } from '../support/apiClient';
import { addProgramPairs, addSharedCheckpoint, programPairId, programPerson, type PairPlan } from '../support/programPairs';
import { serverOutsideTests, serverTest } from '../support/fixtures';
import { tablesOf } from '../support/testServer';

const JOBS_SECRET = 'health-recheck-secret-of-at-least-32-chars';
const clock = { date: new Date('2026-11-02T10:00:00.000Z') };
const today = () => clock.date.toISOString().slice(0, 10);
const test = serverTest.override('serverOptions', { now: () => clock.date, env: { JOBS_SECRET } });
const server = serverOutsideTests(test);

const BIG = 'health-big';
const SMALL = 'health-small';
const FOREIGN = 'health-foreign';
const FOREIGN_TENANT_ID = '7e000000-0000-4000-8000-0000000000f1';

const person = programPerson;
const otherManager = person(90);
const foreignManager = person(91, FOREIGN_TENANT_ID);

const healthPath = (programId: string, query = '') => `${pathFor(paths.programHealth, { programId })}${query}`;
const csvPath = (programId: string, query = '') => `${pathFor(paths.programHealthCsv, { programId })}${query}`;
const as = (who: { id: string }) => apiAs(server.baseUrl, who.id);
const jordan = () => as(demoPeople.manager);

interface TotalsEntity {
  partitionKey?: string;
  rowKey?: string;
  etag: string;
  data?: string;
  version?: number;
  tenantId?: string;
}
/** The totals rows of a partition by row key: `{programId}` holds the truth, `{programId}|view` the read copies. */
async function totalsRows(partitionKey: string) {
  const out: Record<string, { data: unknown; version: unknown }> = {};
  const rows = tablesOf(server).programHealth.listEntities<TotalsEntity>({
    queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${'total|'} and RowKey lt ${'total}'}` },
  });
  for await (const row of rows) out[row.rowKey!] = { data: JSON.parse(row.data!), version: row.version };
  return out;
}
async function expectCopiesEqualTotals(programId: string) {
  const source = await totalsRows(programId);
  expect(Object.keys(source).length).toBeGreaterThanOrEqual(3);
  for (const row of Object.values(source)) expect(row.version).toEqual(expect.any(Number));
  expect(await totalsRows(`${programId}|view`)).toEqual(source);
}

/** Big program: five pairs in `spring` (one with a goal on no priority), two in `autumn`. */
const bigPairs: PairPlan[] = [
  { n: 1, programId: BIG, cohort: 'spring', startedDaysAgo: 5, accepted: true, priorityId: 'customer-reliability' },
  { n: 2, programId: BIG, cohort: 'spring', startedDaysAgo: 5, accepted: true, priorityId: 'customer-reliability' },
  { n: 3, programId: BIG, cohort: 'spring', startedDaysAgo: 5, accepted: true, priorityId: 'customer-reliability' },
  // Silent since it started 30 days ago: at risk.
  { n: 4, programId: BIG, cohort: 'spring', startedDaysAgo: 30, accepted: true, priorityId: 'ai-enabled-products' },
  { n: 5, programId: BIG, cohort: 'spring', startedDaysAgo: 5, accepted: true },
  // Its agreement waits for acceptance since 20 days: at risk.
  { n: 6, programId: BIG, cohort: 'autumn', startedDaysAgo: 20, accepted: false, priorityId: 'customer-reliability' },
  // Started 19 days ago: silent for 21 days two days from now, when the daily recheck finds it.
  { n: 7, programId: BIG, cohort: 'autumn', startedDaysAgo: 19, accepted: true, priorityId: 'customer-reliability' },
];
const smallPairs: PairPlan[] = [
  { n: 21, programId: SMALL, cohort: 'spring', startedDaysAgo: 40, accepted: false, priorityId: 'customer-reliability' },
  { n: 22, programId: SMALL, cohort: 'spring', startedDaysAgo: 5, accepted: true, priorityId: 'customer-reliability' },
];
const pairIdOf = programPairId;

test.beforeAll(async ({ server }) => {
  const { programs, people } = server.app.repositories;
  const program = (await programs.get(DEMO_PROGRAM_ID))!.value;
  await people.save(otherManager);
  await people.save(foreignManager);
  // The big and small programs first, so every pair is counted as it is written.
  await programs.save({ ...program, id: BIG, name: 'Health big', managerIds: [demoPeople.manager.id] });
  await programs.save({ ...program, id: SMALL, name: 'Health small', managerIds: [demoPeople.manager.id] });
  await programs.save({ ...program, id: FOREIGN, name: 'Foreign', tenantId: FOREIGN_TENANT_ID, managerIds: [foreignManager.id] });
  await programs.save({ ...program, id: 'health-other', name: 'Other', managerIds: [otherManager.id] });
  await addProgramPairs(server, [...bigPairs, ...smallPairs], today());
  // Two signed-off checkpoints shared with the program for each spring pair and each small pair.
  for (const [n, q3, q4] of [
    [1, 2, 4],
    [2, 3, 4],
    [3, 3, 5],
    [4, 4, 3],
    [5, 3, 4],
    [21, 2, 5],
    [22, 4, 5],
  ] as const) {
    await addSharedCheckpoint(server, n, '2026-09-15', [{ metricId: 'quality', value: q3 }]);
    await addSharedCheckpoint(server, n, '2026-10-20', [{ metricId: 'quality', value: q4 }]);
  }
  await server.app.health.service.settled();
});

describe('program health: who may read it', () => {
  test('a mentee, a mentor, another program’s manager and another tenant’s manager are told there is nothing', async () => {
    for (const who of [demoPeople.menteeAlex, demoPeople.mentor, otherManager]) {
      for (const path of [healthPath(BIG), csvPath(BIG), healthPath(DEMO_PROGRAM_ID)]) {
        const res = await as(who).get(path);
        expect(res.status, `${who.displayName} ${path}`).toBe(404);
        expect(JSON.stringify(res.body)).not.toContain('Program Person');
      }
    }
    expect((await apiAs(server.baseUrl).get(healthPath(BIG))).status).toBe(401);
    // A program of another tenant answers as a missing one, even with Jordan among its managers.
    const foreign = (await server.app.repositories.programs.get(FOREIGN))!.value;
    await server.app.repositories.programs.save({ ...foreign, managerIds: [foreignManager.id, demoPeople.manager.id] });
    for (const path of [healthPath(FOREIGN), csvPath(FOREIGN)]) expect((await jordan().get(path)).status).toBe(404);
  });
});

describe('program health: the floor of five people', () => {
  test('a program of two pairs shows only notes, in the view and in every CSV row', async () => {
    const res = await jordan().get(healthPath(SMALL));
    expect(res.status).toBe(200);
    const v = res.body;
    const figures = [
      v.participation,
      v.feedbackResponseRate,
      v.atRisk,
      ...v.adherence.map((a: any) => a.figure),
      ...v.goalsByPriority.map((g: any) => g.figure),
      ...v.scores.map((s: any) => s.figure),
      ...v.scoreTrends.flatMap((t: any) => t.periods.map((p: any) => p.figure)),
    ];
    expect(v.scoreTrends.find((t: any) => t.metricId === 'quality').periods.map((p: any) => p.period)).toEqual(['2026-Q3', '2026-Q4']);
    expect(figures.length).toBeGreaterThanOrEqual(6);
    for (const f of figures) expect(f).toEqual({ shown: false, note: suppressedNote });
    // Nothing of the at-risk pair leaks: neither its names nor its count.
    expect(JSON.stringify(v)).not.toContain('Program Person');

    const csv = await jordan().get(csvPath(SMALL));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('program-health.csv');
    const [header, ...rows] = (csv.body as string).trim().split('\r\n');
    expect(header).toBe('figure,value,notes');
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) expect(row).toMatch(/^("[^"]+"|[^,]+),,"Hidden: fewer than 5 people/);
    expect(rows.filter((row) => row.startsWith('"Scorecard mean: Quality of outcomes, 2026-Q'))).toHaveLength(2);
  });

  test('a slice below five people is hidden inside a program large enough', async () => {
    const autumn = (await jordan().get(healthPath(BIG, '?cohort=autumn'))).body;
    expect(autumn.participation).toEqual({ shown: false, note: suppressedNote });
    const csv = (await jordan().get(csvPath(BIG, '?cohort=autumn'))).body as string;
    expect(csv).not.toMatch(/Pairs,\d/);
    // In the whole program, a priority only one pair's goal names is hidden too.
    const all = (await jordan().get(healthPath(BIG))).body;
    const ai = all.goalsByPriority.find((g: any) => g.priorityId === 'ai-enabled-products');
    expect(ai.figure).toEqual({ shown: false, note: suppressedNote });
  });
});

describe('program health: figures and filters', () => {
  test('the whole program, then one cohort, then one priority', async () => {
    const all = (await jordan().get(healthPath(BIG))).body;
    expect(all.participation).toEqual({ shown: true, people: 14, value: { pairs: 7, activePairs: 7, acceptedAgreements: 6 } });
    expect(all.choices.cohorts).toEqual(['autumn', 'spring']);
    expect(all.choices.priorities).toContainEqual({ id: 'none', name: 'Not linked to any priority' });
    expect(all.choices.priorities).toContainEqual({ id: 'customer-reliability', name: expect.any(String) });
    const reliability = all.goalsByPriority.find((g: any) => g.priorityId === 'customer-reliability');
    expect(reliability.figure).toMatchObject({ shown: true, value: 5 });

    const spring = (await jordan().get(healthPath(BIG, '?cohort=spring'))).body;
    expect(spring.slice).toEqual({ kind: 'cohort', cohort: 'spring' });
    expect(spring.participation.value).toEqual({ pairs: 5, activePairs: 5, acceptedAgreements: 5 });

    const byPriority = (await jordan().get(healthPath(BIG, '?priority=customer-reliability'))).body;
    expect(byPriority.participation.value.pairs).toBe(5);

    const both = await jordan().get(healthPath(BIG, '?cohort=spring&priority=none'));
    expect(both.status).toBe(400);
    const unknown = await jordan().get(healthPath(BIG, '?team=x'));
    expect(unknown.status).toBe(400);
  });

  test('scorecard means by quarter, oldest first, over the mentees who shared a signed-off checkpoint', async () => {
    const all = (await jordan().get(healthPath(BIG))).body;
    const quality = all.scoreTrends.find((t: any) => t.metricId === 'quality');
    expect(quality).toEqual({
      metricId: 'quality',
      name: 'Quality of outcomes',
      // The metric's own scale comes with its trend, so the tab draws the means on it.
      source: 'rating',
      scale: { min: 1, max: 5 },
      periods: [
        { period: '2026-Q3', figure: { shown: true, people: 5, value: { mean: 3, n: 5 } } },
        { period: '2026-Q4', figure: { shown: true, people: 5, value: { mean: 4, n: 5 } } },
      ],
    });
    const csv = (await jordan().get(csvPath(BIG))).body as string;
    expect(csv).toContain('\r\n"Scorecard mean: Quality of outcomes, 2026-Q3",3,\r\n');
    expect(csv).toContain('\r\n"Scorecard mean: Quality of outcomes, 2026-Q4",4,\r\n');
    // The autumn pairs shared no checkpoint: no trend there.
    expect((await jordan().get(healthPath(BIG, '?cohort=autumn'))).body.scoreTrends).toEqual([]);
  });

  test('pairs at risk carry their reasons and pair-level signals only', async () => {
    const all = (await jordan().get(healthPath(BIG))).body;
    expect(all.atRisk.shown).toBe(true);
    expect(all.atRisk.value.count).toBe(2);
    const pairs = [...all.atRisk.value.pairs].sort((a: any, b: any) => a.pairId.localeCompare(b.pairId));
    expect(pairs).toEqual([
      {
        pairId: pairIdOf(4),
        mentorName: 'Program Person 104',
        menteeName: 'Program Person 204',
        reasons: [{ code: 'no_check_in', text: 'No check-in answered since the pair started 30 days ago.' }],
      },
      {
        pairId: pairIdOf(6),
        mentorName: 'Program Person 106',
        menteeName: 'Program Person 206',
        reasons: [{ code: 'agreement_unaccepted', text: 'The agreement has waited 20 days for both acceptances.' }],
      },
    ]);
  });
});

describe('program health: kept up to date', () => {
  test('racing writes to pairs of one program lose no count', async () => {
    const { plans } = server.app.repositories;
    const alex = (await plans.load(demoPairIds.alex))!;
    const at = clock.date.toISOString();
    // Ten goals on five pairs at once: every refresh moves the same totals rows.
    await Promise.all(
      [1, 2, 3, 5, 7, 1, 2, 3, 5, 7].map(async (n, i) => {
        const goal: Goal = {
          ...alex.goals[0]!.value,
          id: `race-${i}`,
          pairId: pairIdOf(n),
          priorityId: 'cross-team-leadership',
          revision: 1,
        };
        const revision: GoalRevision = { goalId: goal.id, revision: 1, change: 'created', at, by: demoPeople.manager.id, fields: [] };
        expect((await plans.createGoal(goal, revision)).ok).toBe(true);
      }),
    );
    // The refreshes run after the writes answered, five pairs at once; every read copy the dashboard
    // reads ends at its totals row: same data, same version.
    await server.app.health.service.settled();
    await expectCopiesEqualTotals(BIG);
    const kept = (await jordan().get(healthPath(BIG))).body;
    const cross = kept.goalsByPriority.find((g: any) => g.priorityId === 'cross-team-leadership');
    expect(cross.figure).toMatchObject({ shown: true, value: 10 });
    // What was kept as things happened equals what a rebuild from every pair's rows finds.
    const versionBefore = (await totalsRows(BIG))['total|all']!.version as number;
    await server.app.health.service.rebuildProgram(BIG);
    await expectCopiesEqualTotals(BIG);
    // The rebuilt totals come after the old ones, so their copies replace the old copies.
    expect((await totalsRows(BIG))['total|all']!.version).toBeGreaterThan(versionBefore);
    const rebuilt = (await jordan().get(healthPath(BIG))).body;
    expect(rebuilt).toEqual(kept);
  });

  test('a missing read copy is filled from its totals row on read', async () => {
    const before = (await jordan().get(healthPath(BIG))).body;
    const copies = await totalsRows(`${BIG}|view`);
    for (const rowKey of Object.keys(copies)) await tablesOf(server).programHealth.deleteEntity(`${BIG}|view`, rowKey);
    expect(await totalsRows(`${BIG}|view`)).toEqual({});
    expect((await jordan().get(healthPath(BIG))).body).toEqual(before);
    expect(Object.keys(await totalsRows(`${BIG}|view`))).toEqual(['total|all']);
    expect((await jordan().get(healthPath(BIG, '?cohort=spring'))).status).toBe(200);
    expect((await jordan().get(healthPath(BIG, '?cohort=autumn'))).status).toBe(200);
    expect((await jordan().get(healthPath(BIG, '?priority=customer-reliability'))).status).toBe(200);
    const refilled = await totalsRows(`${BIG}|view`);
    const source = await totalsRows(BIG);
    for (const [rowKey, copy] of Object.entries(refilled)) expect(copy).toEqual(source[rowKey]);
    expect(Object.keys(refilled).length).toBe(4);
  });

  test('a reader that read an older totals row loses its copy write to the newer one', async () => {
    const tables = tablesOf(server);
    await tables.programHealth.deleteEntity(`${BIG}|view`, 'total|all');
    const older = await totalsRows(BIG);
    // A dashboard read that finds no copy, reads the totals row, then stalls before writing the copy.
    let readTotals!: () => void;
    const totalsRead = new Promise<void>((r) => (readTotals = r));
    let resume!: () => void;
    const resumed = new Promise<void>((r) => (resume = r));
    const stalling = new Proxy(tables.programHealth, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown;
        if (key !== 'getEntity') return typeof value === 'function' ? value.bind(target) : value;
        return async (...args: Parameters<TableClient['getEntity']>) => {
          const row = await target.getEntity(...args);
          if (args[0] === BIG && args[1] === 'total|all') {
            readTotals();
            await resumed;
          }
          return row;
        };
      },
    });
    const slowRead = programHealthTable({ programHealth: stalling }).read(BIG, 'all');
    await totalsRead;
    // Meanwhile a write moves the totals and writes its copy.
    const { plans } = server.app.repositories;
    const alex = (await plans.load(demoPairIds.alex))!;
    const at = clock.date.toISOString();
    const goal: Goal = { ...alex.goals[0]!.value, id: 'race-late', pairId: pairIdOf(2), priorityId: 'cross-team-leadership', revision: 1 };
    expect(
      (await plans.createGoal(goal, { goalId: goal.id, revision: 1, change: 'created', at, by: demoPeople.manager.id, fields: [] })).ok,
    ).toBe(true);
    // The write's refresh runs after it answered; wait for it.
    await server.app.health.service.settled();
    const newer = await totalsRows(BIG);
    expect(newer['total|all']!.version).toBeGreaterThan(older['total|all']!.version as number);
    resume();
    // The stalled reader answers with what it read, but its older copy does not overwrite the newer one.
    expect((await slowRead).totals).toEqual((older['total|all']!.data as { totals: unknown }).totals);
    expect((await totalsRows(`${BIG}|view`))['total|all']).toEqual(newer['total|all']);
  });

  test('the daily recheck finds a pair that time alone put at risk', async () => {
    clock.date = new Date(clock.date.getTime() + 2 * 86_400_000);
    const before = (await jordan().get(healthPath(BIG))).body;
    expect(before.atRisk.value.count).toBe(2);
    // A crash between a transaction and its copy left the spring copy a version behind its totals row.
    const spring = Object.entries(await totalsRows(`${BIG}|view`)).find(([rowKey]) => rowKey.includes('spring'))!;
    const stale = { pairs: 0 };
    await tablesOf(server).programHealth.upsertEntity(
      { partitionKey: `${BIG}|view`, rowKey: spring[0], version: (spring[1].version as number) - 1, data: JSON.stringify(stale) },
      'Replace',
    );
    // With the copies that no dashboard read has filled yet, these are the copies the recheck writes.
    const copies = await totalsRows(`${BIG}|view`);
    const behind = Object.entries(await totalsRows(BIG)).filter(
      ([rowKey, row]) => !copies[rowKey] || (copies[rowKey].version as number) < (row.version as number),
    ).length;
    expect(behind).toBeGreaterThan(1);
    const job = await apiAs(server.baseUrl).post('/api/jobs/health', undefined, { 'x-jobs-secret': JOBS_SECRET });
    expect(job.status).toBe(200);
    expect(job.body.outcome).toBe('rechecked');
    expect(job.body.recopied).toBe(behind);
    await expectCopiesEqualTotals(BIG);
    const after = (await jordan().get(healthPath(BIG))).body;
    expect(after.atRisk.value.count).toBe(3);
    expect(after.atRisk.value.pairs.map((p: any) => p.pairId)).toContain(pairIdOf(7));
    // Once a day: a second run the same day does nothing.
    const again = await apiAs(server.baseUrl).post('/api/jobs/health', undefined, { 'x-jobs-secret': JOBS_SECRET });
    expect(again.body.outcome).toBe('already_done');
  });
});
