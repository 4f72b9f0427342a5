// Every write of an existing row needs the row's real version: `If-Match: *` is not a version (428),
// a header that is not a version at all is refused (400) before storage is asked, and of two people
// editing the same version at once exactly one wins.
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor, type PlanView } from '../../shared/api';
import type { RouteSpec } from '../../shared/api/route';
import { routes } from '../../shared/api/routes';
import { addDays, todayIn } from '../../shared/dates';
import { apiAs } from '../support/apiClient';
import { serverTest } from '../support/fixtures';
import { tablesOf } from '../support/testServer';
import { planTable } from '../../bot/storage/planTable';
import { programTable } from '../../bot/storage/programTable';

const test = serverTest.override({ serverOptions: { env: { RATE_LIMIT_WRITES_PER_MINUTE: '1000' } } });
const pairId = demoPairIds.alex;
const inAWeek = () => addDays(todayIn('UTC', new Date()), 7);

/** One of each row an If-Match route edits, created through the API. */
async function rows(baseUrl: string) {
  const alex = apiAs(baseUrl, demoPeople.menteeAlex.id);
  const goal = await alex.post(pathFor(paths.goals, { pairId }), { title: 'Pair on an incident review' });
  const goalId = goal.body.value.id as string;
  const milestone = await alex.post(pathFor(paths.milestones, { pairId, goalId }), { title: 'Read two reviews', dueDate: inAWeek() });
  const activity = await alex.post(pathFor(paths.activities, { pairId, goalId }), { kind: 'stretch_assignment', title: 'Lead one' });
  const win = await alex.post(pathFor(paths.wins, { pairId }), { text: 'Ran my first review' });
  expect([goal.status, milestone.status, activity.status, win.status]).toEqual([201, 201, 201, 201]);
  const checkpoints = await alex.get(pathFor(paths.checkpoints, { pairId }));
  const note = await alex.post(pathFor(paths.journal, { pairId }), { body: 'A note to edit.' });
  expect(note.status).toBe(201);
  return {
    entryId: note.body.value.id as string,
    dueDate: checkpoints.body.checkpoints.at(-1).dueDate as string,
    pairId,
    goalId,
    milestoneId: milestone.body.value.id as string,
    activityId: activity.body.value.id as string,
    winId: win.body.win?.id ?? (win.body.value?.id as string),
    programId: DEMO_PROGRAM_ID,
  };
}

/** Everything the If-Match routes could change, as the API shows it. */
async function snapshot(baseUrl: string): Promise<string> {
  const plan = (await apiAs(baseUrl, demoPeople.menteeAlex.id).get<PlanView>(pathFor(paths.plan, { pairId }))).body;
  const wins = (await apiAs(baseUrl, demoPeople.menteeAlex.id).get(pathFor(paths.wins, { pairId }))).body;
  const program = (await apiAs(baseUrl, demoPeople.manager.id).get(pathFor(paths.programSettings, { programId: DEMO_PROGRAM_ID }))).body;
  const checkpoints = (await apiAs(baseUrl, demoPeople.menteeAlex.id).get(pathFor(paths.checkpoints, { pairId }))).body;
  const journal = (await apiAs(baseUrl, demoPeople.menteeAlex.id).get(pathFor(paths.journal, { pairId }))).body;
  return JSON.stringify({ plan, wins, program, checkpoints, journal });
}

const ifMatchRoutes = Object.entries(routes as Record<string, RouteSpec>).filter(([, spec]) => spec.ifMatch);

async function sendWith(baseUrl: string, spec: RouteSpec, params: Record<string, string>, ifMatch: string) {
  const who = spec.path === paths.programSettings ? demoPeople.manager.id : demoPeople.menteeAlex.id;
  const res = await fetch(`${baseUrl}${pathFor(spec.path, params)}`, {
    method: spec.method,
    headers: { 'X-Dev-User': who, 'Content-Type': 'application/json', 'If-Match': ifMatch },
    body: spec.method === 'DELETE' ? undefined : '{}',
  });
  return { status: res.status, body: (await res.json()) as { error: { message: string } } };
}

describe('versions', () => {
  test('covers the agreement, acceptance, goal, milestone, activity, win, checkpoint, journal note, renewal and program settings writes', () => {
    expect(ifMatchRoutes.map(([name]) => name).sort()).toEqual(
      [
        'acceptAgreement',
        'correctCheckpoint',
        'deleteNote',
        'saveCheckpointDraft',
        'setEntrySharing',
        'setCheckpointSharing',
        'signOffCheckpoint',
        'decideRenewal',
        'deleteActivity',
        'deleteMilestone',
        'setWinConsent',
        'updateActivity',
        'updateAgreement',
        'updateGoal',
        'updateMilestone',
        'updateNote',
        'updateProgramSettings',
      ].sort(),
    );
  });

  test('refuse If-Match: * on every write of an existing row with 428, and change nothing', async ({ server }) => {
    const params = await rows(server.baseUrl);
    const before = await snapshot(server.baseUrl);
    for (const [name, spec] of ifMatchRoutes) {
      const res = await sendWith(server.baseUrl, spec, params, '*');
      expect({ name, status: res.status }).toEqual({ name, status: 428 });
      expect(res.body.error.message).toMatch(/version/);
    }
    expect(await snapshot(server.baseUrl)).toBe(before);
  });

  test('refuse an If-Match that is not a version with 400 before storage is asked, and change nothing', async ({ server }) => {
    const params = await rows(server.baseUrl);
    const before = await snapshot(server.baseUrl);
    for (const bad of ['"garbage"', "' or 1 eq 1", 'W/"x'.padEnd(5_000, 'x'), 'W/"datetime\'2026-01-01\' or true"']) {
      for (const [name, spec] of ifMatchRoutes) {
        const res = await sendWith(server.baseUrl, spec, params, bad);
        expect({ name, bad: bad.slice(0, 20), status: res.status }).toEqual({ name, bad: bad.slice(0, 20), status: 400 });
        expect(JSON.stringify(res.body)).not.toMatch(/RestError|stack|at .*\.ts:\d+/);
      }
    }
    expect(await snapshot(server.baseUrl)).toBe(before);
  });

  test('let exactly one of two people editing different fields of the same version win; the other is refused', async ({ alex, priya }) => {
    for (let trial = 0; trial < 5; trial++) {
      const created = await alex().post(pathFor(paths.goals, { pairId }), { title: `Race ${trial}` });
      const path = pathFor(paths.goal, { pairId, goalId: created.body.value.id });
      const [byAlex, byPriya] = await Promise.all([
        alex().patch(path, { risks: 'Busy quarter.' }, created.body.etag),
        priya().patch(path, { metric: 'pages written' }, created.body.etag),
      ]);
      expect([byAlex.status, byPriya.status].sort()).toEqual([200, 409]);
      const winner = byAlex.status === 200 ? byAlex : byPriya;
      const stored = (await alex().get<PlanView>(pathFor(paths.plan, { pairId }))).body.goals.find(
        (g) => g.value.id === created.body.value.id,
      )!;
      expect(stored.etag).toBe(winner.body.etag);
      // Only the winner's field changed: the refused edit is not half-applied.
      expect([stored.value.risks ?? '', stored.value.metric ?? ''].filter((v) => v !== '')).toHaveLength(1);
    }
  });
});

describe('the repositories', () => {
  test('refuse to write an existing row under `*`, whoever calls them, and change nothing', async ({ server, alex }) => {
    const params = await rows(server.baseUrl);
    const before = await snapshot(server.baseUrl);
    const plans = planTable(tablesOf(server));
    const record = (await plans.load(pairId))!;
    const milestone = record.milestones.find((m) => m.value.id === params.milestoneId)!.value;
    const goal = record.goals.find((g) => g.value.id === params.goalId)!.value;
    const program = (await programTable(tablesOf(server)).get(DEMO_PROGRAM_ID))!.value;
    const writes: Array<[string, () => Promise<unknown>]> = [
      ['updateMilestone', () => plans.updateMilestone(pairId, { ...milestone, title: 'Overwritten' }, '*')],
      ['deleteMilestone', () => plans.deleteMilestone(pairId, params.milestoneId, '*')],
      ['deleteActivity', () => plans.deleteActivity(pairId, params.activityId, '*')],
      ['updateMentorship', () => plans.updateMentorship(record.mentorship.value, '*')],
      [
        'updateGoal',
        () =>
          plans.updateGoal({ ...goal, title: 'Overwritten', revision: goal.revision + 1 }, '*', {
            goalId: goal.id,
            revision: goal.revision + 1,
            change: 'updated',
            at: new Date().toISOString(),
            by: demoPeople.menteeAlex.id,
            fields: [],
          }),
      ],
      ['updateProgram', () => programTable(tablesOf(server)).update({ ...program, name: 'Overwritten' }, '*')],
    ];
    for (const [name, write] of writes) await expect(write(), name).rejects.toThrow(/version/);
    expect(await snapshot(server.baseUrl)).toBe(before);
    expect((await alex().get(pathFor(paths.plan, { pairId }))).status).toBe(200);
  });
});
