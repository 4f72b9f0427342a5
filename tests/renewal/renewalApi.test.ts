// Renewal through the API, as the tab uses it: closed until two weeks before the cycle ends; then
// each open goal is carried over, completed or dropped with its reason in the goal's history, the
// pair continues, asks for another mentor (a re-pair request for the program manager) or closes
// (ended, read-only for both, still visible), and the mentee may offer to mentor. Bad input and a
// stale version are refused with nothing written.
import { odata } from '@azure/data-tables';
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { planTable } from '../../bot/storage/planTable';
import { encodeKey } from '../../bot/storage/tables';
import { pathFor, paths, type GoalHistoryView, type PlanView } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import type { DataExport } from '../../shared/privacy/dataRights';
import type { RenewalView } from '../../shared/renewal/renewalService';
import type { apiAs } from '../support/apiClient';
import { serverTest, type TestServer } from '../support/fixtures';
import { storageSnapshot } from '../support/storageSnapshot';
import { tablesOf } from '../support/testServer';

const test = serverTest;
const alexPair = demoPairIds.alex;
const samPair = demoPairIds.sam;
const thirdPair = 'renewal-pair-jordan';
const renewalOf = (pairId: string) => pathFor(paths.renewal, { pairId });
const planPath = (pairId: string) => pathFor(paths.plan, { pairId });

/** The program's cycle ends in ten days, and it archived the priority of Alex's evaluation goal. */
async function cycleEndsSoon(jordan: () => ReturnType<typeof apiAs>): Promise<string> {
  const path = pathFor(paths.programSettings, { programId: DEMO_PROGRAM_ID });
  const current = await jordan().get(path);
  const { id: _id, tenantId: _tenantId, ...settings } = current.body.value;
  const cycleEnd = addDays(todayIn('UTC', new Date()), 10);
  const updated = await jordan().put(
    path,
    {
      ...settings,
      cycleEnd,
      renewalDate: cycleEnd,
      priorities: settings.priorities.map((p: { id: string }) => (p.id === 'ai-enabled-products' ? { ...p, archived: true } : p)),
    },
    current.body.etag,
  );
  expect(updated.status).toBe(200);
  return cycleEnd;
}

async function renewalRows(server: TestServer, pairId: string) {
  const rows: { rowKey: string; kind: unknown; data: Record<string, unknown> }[] = [];
  const filter = odata`PartitionKey eq ${encodeKey(pairId)} and (RowKey ge ${'mentoroffer|'} and RowKey lt ${'mentoroffer}'} or RowKey ge ${'renewal|'} and RowKey lt ${'renewal}'} or RowKey ge ${'repair|'} and RowKey lt ${'repair}'})`;
  for await (const row of tablesOf(server).plans.listEntities({ queryOptions: { filter } }))
    rows.push({ rowKey: row.rowKey!, kind: row.kind, data: JSON.parse(String(row.data)) });
  return rows;
}

/** The renewal cards filed for `cycleEnd`, as `{pairId}|{role}`. */
async function cardsFiled(server: TestServer, cycleEnd: string) {
  const out: string[] = [];
  for await (const row of tablesOf(server).renewalsDue.listEntities<{ pairId?: string; slot?: string }>())
    if (row.slot === cycleEnd && row.pairId) out.push(row.pairId);
  return out.sort();
}

describe('renewal', () => {
  test('is closed until two weeks before the cycle ends, and a decision before then is refused', async ({ alex, sam, server }) => {
    const view = await alex().get<RenewalView>(renewalOf(alexPair));
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ open: false, viewerRole: 'mentee', pair: { status: 'active' }, opensLater: true, pairEnded: false });
    expect(view.body.opensOn).toBe(addDays(view.body.cycleEnd, -14));
    expect((await sam().get(renewalOf(alexPair))).status).toBe(404);

    const before = await storageSnapshot(server);
    const refused = await alex().put(
      renewalOf(alexPair),
      { goals: view.body.goals.map((g) => ({ goalId: g.id, decision: 'carry_over' })), pair: 'continue' },
      view.body.pair.etag,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/opens on/);
    expect(await storageSnapshot(server)).toBe(before);
  });

  test("files the program's renewal cards in the background when a manager moves the cycle end", async ({ jordan, server }) => {
    const cycleEnd = addDays(todayIn('UTC', new Date()), 10);
    expect(await cardsFiled(server, cycleEnd)).toEqual([]);
    expect(await cycleEndsSoon(jordan)).toBe(cycleEnd);
    await server.app.settled();
    // Both people of each open pair of the program: Alex's pair; Sam's is still proposed.
    expect(await cardsFiled(server, cycleEnd)).toEqual([`${alexPair}|mentee`, `${alexPair}|mentor`]);
  });

  test('opens two weeks ahead with the open goals, flagging one whose priority was archived', async ({ alex, jordan }) => {
    await cycleEndsSoon(jordan);
    const view = await alex().get<RenewalView>(renewalOf(alexPair));
    expect(view.body.open).toBe(true);
    expect(view.body.mayOfferToMentor).toBe(true);
    expect(view.body.priorities.map((p) => p.id)).not.toContain('ai-enabled-products');
    expect(Object.fromEntries(view.body.goals.map((g) => [g.id, g.needsPriority]))).toEqual({
      'alex-oncall': false,
      'alex-eval': true,
      // A goal that never had a priority is flagged too.
      'alex-speaking': true,
    });
  });

  test('refuses bad input and a stale version with 4xx, and writes nothing', async ({ alex, priya, server }) => {
    const view = (await alex().get<RenewalView>(renewalOf(alexPair))).body;
    const etag = view.pair.etag;
    const bothCarried = view.goals.map((g) => ({ goalId: g.id, decision: 'carry_over' }));
    expect(bothCarried.length).toBeGreaterThan(1);
    const before = await storageSnapshot(server);
    const bad: [string, unknown, number, (() => ReturnType<typeof alex>)?][] = [
      ['a drop without a reason', { goals: [...bothCarried.slice(1), { ...bothCarried[0], decision: 'drop' }], pair: 'continue' }, 400],
      ['an undecided open goal', { goals: bothCarried.slice(1), pair: 'continue' }, 400],
      ['a goal decided twice', { goals: [...bothCarried, bothCarried[0]], pair: 'continue' }, 400],
      ['a goal of another pair', { goals: [...bothCarried, { goalId: 'sam-stakeholders', decision: 'complete' }], pair: 'continue' }, 400],
      ['another mentor without a reason', { goals: bothCarried, pair: 'change_mentor' }, 400],
      ['an unknown pair decision', { goals: bothCarried, pair: 'renew' }, 400],
      ['an unknown field', { goals: bothCarried, pair: 'continue', extra: true }, 400],
      ['a mentor offer without strengths', { goals: bothCarried, pair: 'continue', mentorOffer: { strengths: [], capacity: 1 } }, 400],
      [
        'a mentor offer from the mentor',
        { goals: bothCarried, pair: 'continue', mentorOffer: { strengths: ['Go'], capacity: 1 } },
        400,
        priya,
      ],
      [
        'a new goal on an archived priority',
        { goals: bothCarried, pair: 'continue', newGoals: [{ title: 'Old focus', priorityId: 'ai-enabled-products' }] },
        400,
      ],
      [
        'a new goal on a priority the program never had',
        { goals: bothCarried, pair: 'continue', newGoals: [{ title: 'Elsewhere', priorityId: 'no-such-priority' }] },
        400,
      ],
      [
        'a new goal when the pair closes',
        { goals: bothCarried, pair: 'close', newGoals: [{ title: 'Later', priorityId: view.priorities[0]!.id }] },
        400,
      ],
      [
        'a new goal without a title',
        { goals: bothCarried, pair: 'continue', newGoals: [{ title: ' ', priorityId: view.priorities[0]!.id }] },
        400,
      ],
    ];
    for (const [what, body, status, who = alex] of bad) {
      const res = await who().put(renewalOf(alexPair), body, etag);
      expect({ what, status: res.status }).toEqual({ what, status });
    }
    const stale = await alex().put(renewalOf(alexPair), { goals: bothCarried, pair: 'continue' }, `W/"datetime'2001-01-01T00%3A00%3A00Z'"`);
    expect(stale.status).toBe(409);
    expect(await storageSnapshot(server)).toBe(before);
  });

  test('carries over, completes and drops goals with their reasons in the history, and the pair continues', async ({
    alex,
    priya,
    server,
  }) => {
    const added = await alex().post(pathFor(paths.goals, { pairId: alexPair }), { title: 'Write a design doc a quarter' });
    expect(added.status).toBe(201);
    const addedId: string = added.body.value.id;
    const view = (await alex().get<RenewalView>(renewalOf(alexPair))).body;
    expect(view.goals.map((g) => g.id).sort()).toEqual(['alex-eval', 'alex-oncall', 'alex-speaking', addedId].sort());
    expect(view).toMatchObject({ open: true, opensLater: false, pairEnded: false });
    const nextPriority = view.priorities[0]!.id;

    const decided = await alex().put<RenewalView>(
      renewalOf(alexPair),
      {
        goals: [
          { goalId: 'alex-oncall', decision: 'carry_over', reason: 'Two incidents still to lead.' },
          { goalId: 'alex-eval', decision: 'complete' },
          { goalId: addedId, decision: 'drop', reason: 'The team moved to RFCs.' },
          { goalId: 'alex-speaking', decision: 'carry_over' },
        ],
        pair: 'continue',
        newGoals: [
          { title: 'Run the on-call retro each month', priorityId: nextPriority, dueDate: addDays(view.cycleEnd, 90) },
          { title: 'Pair with a new hire', priorityId: nextPriority },
        ],
        mentorOffer: { strengths: ['Incident response', 'On-call onboarding'], capacity: 2 },
      },
      view.pair.etag,
    );
    expect(decided.status).toBe(200);
    // The new goals are open goals of the next cycle, each with its first history entry naming the renewal.
    const newGoalIds = decided.body.decided!.newGoalIds!;
    expect(newGoalIds).toHaveLength(2);
    expect(decided.body).toMatchObject({
      open: false,
      pair: { status: 'active' },
      decided: { pair: 'continue', decidedBy: demoPeople.menteeAlex.id },
    });
    expect(decided.body.goals.map((g) => g.id).sort()).toEqual(['alex-oncall', 'alex-speaking', ...newGoalIds].sort());

    const plan = (await priya().get<PlanView>(planPath(alexPair))).body;
    const statusOf = (id: string) => plan.goals.find((g) => g.value.id === id)?.value.status;
    expect([statusOf('alex-oncall'), statusOf('alex-eval'), statusOf(addedId)]).toEqual(['active', 'completed', 'dropped']);
    expect(plan.pair.value.status).toBe('active');
    const created = newGoalIds.map((id) => plan.goals.find((g) => g.value.id === id)?.value);
    expect(created).toEqual([
      expect.objectContaining({ title: 'Run the on-call retro each month', priorityId: nextPriority, status: 'active', revision: 1 }),
      expect.objectContaining({
        title: 'Pair with a new hire',
        priorityId: nextPriority,
        status: 'active',
        createdBy: demoPeople.menteeAlex.id,
      }),
    ]);

    const lastOf = async (goalId: string) =>
      (await alex().get<GoalHistoryView>(pathFor(paths.goalHistory, { pairId: alexPair, goalId }))).body.revisions[0]; // newest first
    expect(await lastOf('alex-oncall')).toMatchObject({
      change: 'updated',
      reason: expect.stringContaining('Two incidents still to lead.'),
    });
    expect(await lastOf('alex-eval')).toMatchObject({
      change: 'completed',
      fields: [{ field: 'status', from: 'active', to: 'completed' }],
    });
    expect(await lastOf('alex-speaking')).toMatchObject({ change: 'updated', reason: 'Carried over to the next cycle at renewal.' });
    expect(await lastOf(addedId)).toMatchObject({ change: 'dropped', reason: 'The team moved to RFCs.', by: demoPeople.menteeAlex.id });
    expect(await lastOf(newGoalIds[0]!)).toMatchObject({ change: 'created', revision: 1, reason: expect.stringContaining('renewal') });

    const rows = await renewalRows(server, alexPair);
    expect(rows.map((r) => r.kind).sort()).toEqual(['mentoroffer', 'renewal']);
    expect(rows.find((r) => r.kind === 'mentoroffer')!.data).toMatchObject({
      personId: demoPeople.menteeAlex.id,
      programId: DEMO_PROGRAM_ID,
      strengths: ['Incident response', 'On-call onboarding'],
      capacity: 2,
    });

    // The renewal and the offer are the mentee's data: in their export by name.
    const exported = (await alex().get<DataExport>(paths.myDataExport)).body;
    expect(exported.sections.mentorOffers).toEqual([expect.objectContaining({ personId: demoPeople.menteeAlex.id, capacity: 2 })]);
    expect(exported.sections.renewals).toEqual([expect.objectContaining({ pairId: alexPair, pair: 'continue' })]);

    // Decided once: a second decision is a conflict, and the mentor sees what was decided.
    const again = await priya().put(
      renewalOf(alexPair),
      { goals: [{ goalId: 'alex-oncall', decision: 'complete' }], pair: 'close' },
      plan.pair.etag,
    );
    expect(again.status).toBe(409);
    expect((await priya().get<RenewalView>(renewalOf(alexPair))).body.decided?.pair).toBe('continue');
  });

  test('closes a pair: ended, read-only for both, and still visible to them', async ({ sam, priya }) => {
    const view = (await sam().get<RenewalView>(renewalOf(samPair))).body;
    expect(view.open).toBe(true);
    const closed = await sam().put<RenewalView>(
      renewalOf(samPair),
      { goals: [{ goalId: 'sam-stakeholders', decision: 'drop', reason: 'My role changed.' }], pair: 'close', pairReason: 'New role.' },
      view.pair.etag,
    );
    expect(closed.status).toBe(200);
    expect(closed.body.pair).toMatchObject({ status: 'ended', endedAt: expect.any(String) });
    expect(closed.body).toMatchObject({ pairEnded: true, opensLater: false, open: false });

    for (const who of [sam, priya]) {
      const plan = await who().get<PlanView>(planPath(samPair));
      expect(plan.status).toBe(200);
      expect(plan.body.pair.value.status).toBe('ended');
      expect((await who().post(pathFor(paths.goals, { pairId: samPair }), { title: 'One more' })).status).toBe(403);
      expect((await who().get<RenewalView>(renewalOf(samPair))).body).toMatchObject({ open: false, decided: { pair: 'close' } });
    }
    const goal = (await sam().get<PlanView>(planPath(samPair))).body.goals.find((g) => g.value.id === 'sam-stakeholders')!;
    expect(goal.value.status).toBe('dropped');
    expect(
      (await priya().patch(pathFor(paths.goal, { pairId: samPair, goalId: 'sam-stakeholders' }), { title: 'X' }, goal.etag)).status,
    ).toBe(403);
  });

  test('files a re-pair request for the program manager when the pair asks for another mentor', async ({ server, jordan }) => {
    const plans = planTable(tablesOf(server));
    const alexRecord = (await plans.load(alexPair))!;
    const mentor = demoPeople.mentor;
    const mentee = demoPeople.manager;
    const created = await plans.createPair(
      { ...alexRecord.mentorship.value, id: thirdPair, menteeId: mentee.id, endedAt: undefined },
      {
        mentor: { id: mentor.id, displayName: mentor.displayName, timeZone: mentor.timeZone },
        mentee: { id: mentee.id, displayName: mentee.displayName, timeZone: mentee.timeZone },
      },
    );
    expect(created.ok).toBe(true);

    const view = (await jordan().get<RenewalView>(renewalOf(thirdPair))).body;
    expect(view).toMatchObject({ open: true, goals: [] });
    const decided = await jordan().put(
      renewalOf(thirdPair),
      { goals: [], pair: 'change_mentor', pairReason: 'Different focus.' },
      view.pair.etag,
    );
    expect(decided.status).toBe(200);
    expect(decided.body.pair.status).toBe('active');
    const repair = (await renewalRows(server, thirdPair)).find((r) => r.kind === 'repair');
    expect(repair?.data).toMatchObject({
      programId: DEMO_PROGRAM_ID,
      mentorId: mentor.id,
      menteeId: mentee.id,
      reason: 'Different focus.',
      requestedBy: mentee.id,
    });
  });
});
