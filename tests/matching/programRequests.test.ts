// Re-pair requests and mentor candidates through the API: a mentee or mentor asks privately from the
// plan; the program's managers, and only they, list the open requests (who asked, the pair, the
// reason, when) and mark them handled; the other person of the pair never sees the request, not in
// the plan and not in their data export.
import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor } from '../../shared/api';
import type { ProgramRequestsView } from '../../shared/matching/programRequests';
import { DEVELOPMENT_TENANT_ID, type Person } from '../../shared/person';
import { apiAs } from '../support/apiClient';
import { serverTest, type TestServer } from '../support/fixtures';
import { storageSnapshot } from '../support/storageSnapshot';

const test = serverTest;
const alexPair = demoPairIds.alex;
const askPath = (pairId: string) => pathFor(paths.repairRequest, { pairId });
const listPath = (programId = DEMO_PROGRAM_ID) => pathFor(paths.programRequests, { programId });
const handledPath = (requestId: string, programId = DEMO_PROGRAM_ID) => pathFor(paths.programRequestHandled, { programId, requestId });

async function newPerson(server: TestServer, fields: Partial<Person> & Pick<Person, 'displayName'>): Promise<Person> {
  const person: Person = {
    id: randomUUID(),
    tenantId: DEVELOPMENT_TENANT_ID,
    timeZone: 'Europe/Berlin',
    workingHours: demoPeople.mentor.workingHours,
    mentorCapacity: 0,
    ...fields,
  };
  await server.app.repositories.people.save(person);
  return person;
}

const ofPair = (view: ProgramRequestsView, pairId: string) => view.repairs.filter((r) => r.pairId === pairId);

describe('a re-pair request asked from the plan', () => {
  test('reaches the program’s managers with who asked, the pair, the reason and when; marked handled, it leaves the list', async ({
    alex,
    jordan,
  }) => {
    const reason = `Our working hours hardly overlap ${randomUUID()}`;
    const asked = await alex().post(askPath(alexPair), { reason });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ pairId: alexPair, reason });

    const list = await jordan().get<ProgramRequestsView>(listPath());
    expect(list.status).toBe(200);
    const [request] = ofPair(list.body, alexPair).filter((r) => r.asked === 'plan');
    expect(request).toMatchObject({
      pairId: alexPair,
      mentor: { id: demoPeople.mentor.id, displayName: demoPeople.mentor.displayName },
      mentee: { id: demoPeople.menteeAlex.id, displayName: demoPeople.menteeAlex.displayName },
      requestedBy: { id: demoPeople.menteeAlex.id, role: 'mentee' },
      reason,
      requestedAt: asked.body.requestedAt,
    });

    const handled = await jordan().post<ProgramRequestsView>(handledPath(request!.id));
    expect(handled.status).toBe(200);
    expect(handled.body.repairs.map((r) => r.id)).not.toContain(request!.id);
    expect((await jordan().get<ProgramRequestsView>(listPath())).body.repairs.map((r) => r.id)).not.toContain(request!.id);
    // Handled once: a second mark finds no open request.
    expect((await jordan().post(handledPath(request!.id))).status).toBe(404);

    // Asking again in the same cycle reopens it with the new reason.
    await alex().post(askPath(alexPair), { reason: 'Still hoping for another match.' });
    const reopened = ofPair((await jordan().get<ProgramRequestsView>(listPath())).body, alexPair).find((r) => r.id === request!.id);
    expect(reopened?.reason).toBe('Still hoping for another match.');
  });

  test('stays private: the other person of the pair sees it neither in the plan nor in their data export', async ({ alex, priya }) => {
    const reason = `Private reason ${randomUUID()}`;
    expect((await priya().post(askPath(alexPair), { reason })).status).toBe(201);
    const plan = await alex().get(pathFor(paths.plan, { pairId: alexPair }));
    expect(plan.status).toBe(200);
    expect(JSON.stringify(plan.body)).not.toContain(reason);
    const alexExport = await alex().get(paths.myDataExport);
    expect(alexExport.status).toBe(200);
    expect(JSON.stringify(alexExport.body)).not.toContain(reason);
    // The asker finds it in their own export.
    expect(JSON.stringify((await priya().get(paths.myDataExport)).body)).toContain(reason);
  });

  test('is refused without a reason, for a pair one is not in, and for a closed pair, with nothing written', async ({
    server,
    sam,
    jordan,
    alex,
  }) => {
    const before = await storageSnapshot(server);
    expect((await alex().post(askPath(alexPair), { reason: '   ' })).status).toBe(400);
    expect((await alex().post(askPath(alexPair), { reason: 'ok', extra: 1 })).status).toBe(400);
    expect((await sam().post(askPath(alexPair), { reason: 'Not my pair.' })).status).toBe(404);
    expect((await jordan().post(askPath(alexPair), { reason: 'Not my pair.' })).status).toBe(404);
    expect((await alex().post(askPath('no-such-pair'), { reason: 'Nothing.' })).status).toBe(404);
    expect(await storageSnapshot(server)).toBe(before);

    const plans = server.app.repositories.plans;
    const pair = (await plans.loadPair(demoPairIds.sam))!;
    const ended = await plans.updateMentorship(
      { ...pair.mentorship.value, status: 'ended', endedAt: new Date().toISOString() },
      pair.mentorship.etag,
    );
    expect(ended.ok).toBe(true);
    const closed = await sam().post(askPath(demoPairIds.sam), { reason: 'Too late.' });
    expect(closed.status).toBe(403);
  });
});

describe('the program’s requests', () => {
  test('are for its managers only: mentees, mentors, and another program’s manager find nothing (another tenant: tests/security/routeMatrix)', async ({
    server,
    alex,
    priya,
    sam,
    jordan,
  }) => {
    await alex().post(askPath(alexPair), { reason: 'For the permission check.' });
    const requestId = ofPair((await jordan().get<ProgramRequestsView>(listPath())).body, alexPair)[0]!.id;

    const otherManager = await newPerson(server, { displayName: 'Other Program Manager' });
    const { managerIds: _m, ...settings } = (await server.app.repositories.programs.get(DEMO_PROGRAM_ID))!.value;
    await server.app.repositories.programs.save({ ...settings, id: 'requests-other-program', managerIds: [otherManager.id] });

    const before = await storageSnapshot(server);
    const other = apiAs(server.baseUrl, otherManager.id);
    for (const [who, client] of [
      ['mentee', alex()],
      ['mentor', priya()],
      ['other mentee', sam()],
      ['other program’s manager', other],
    ] as const) {
      expect((await client.get(listPath())).status, who).toBe(404);
      expect((await client.post(handledPath(requestId))).status, who).toBe(404);
      // Nor through a program of their own: the request is not in it.
      expect((await client.post(handledPath(requestId, 'requests-other-program'))).status, who).toBe(404);
    }
    expect(await storageSnapshot(server)).toBe(before);
    // Each manager sees their own program's list, without the demo program's requests.
    const own = await other.get<ProgramRequestsView>(listPath('requests-other-program'));
    expect(own.status).toBe(200);
    expect(own.body).toEqual({ programId: 'requests-other-program', repairs: [], candidates: [] });
    expect((await jordan().post(handledPath('repair|not|a-request'))).status).toBe(404);
    expect((await jordan().post(handledPath('nonsense'))).status).toBe(404);
  });
});
