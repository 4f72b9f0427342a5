// Matching through the API: a person's strengths, the suggested mentors a program manager sees for a
// mentee (ranked, with reasons; only the program's enrolled mentors), and the pair the manager
// creates between two people enrolled in the program, with both welcome cards.
import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor } from '../../shared/api';
import { DEVELOPMENT_TENANT_ID, type Person } from '../../shared/person';
import type { EnrolmentRole } from '../../shared/program/enrolment';
import { apiAs } from '../support/apiClient';
import { serverTest, type TestServer } from '../support/fixtures';
import { storageSnapshot } from '../support/storageSnapshot';

const test = serverTest;
const alex = demoPeople.menteeAlex;
const matchingFor = (menteeId: string, programId = DEMO_PROGRAM_ID) => pathFor(paths.matching, { programId, menteeId });
const pairsPath = pathFor(paths.programPairs, { programId: DEMO_PROGRAM_ID });

/** A new person of the development tenant (or `tenantId`), saved straight into storage as the directory would. */
async function newPerson(server: TestServer, fields: Partial<Person> & Pick<Person, 'displayName'>): Promise<Person> {
  const person: Person = {
    id: randomUUID(),
    tenantId: DEVELOPMENT_TENANT_ID,
    timeZone: alex.timeZone,
    workingHours: alex.workingHours,
    mentorCapacity: 0,
    ...fields,
  };
  await server.app.repositories.people.save(person);
  return person;
}

/** Enrols a person in a program (the demo one unless named) as `role`, as a program manager's enrolment writes it. */
async function enrol(server: TestServer, person: Person, role: EnrolmentRole, programId = DEMO_PROGRAM_ID): Promise<void> {
  const created = await server.app.repositories.enrolments.create({
    programId,
    tenantId: person.tenantId,
    personId: person.id,
    role,
    displayName: person.displayName,
    timeZone: person.timeZone,
    workingHours: person.workingHours,
    mentorCapacity: role === 'mentor' ? person.mentorCapacity : 0,
    enrolledAt: new Date().toISOString(),
  });
  expect(created.ok).toBe(true);
}

/** A new person of the development tenant enrolled in the demo program as `role`. */
async function newEnrolled(server: TestServer, role: EnrolmentRole, fields: Partial<Person> & Pick<Person, 'displayName'>) {
  const person = await newPerson(server, fields);
  await enrol(server, person, role);
  return person;
}

const put = (server: TestServer, who: string, path: string, body: unknown) => apiAs(server.baseUrl, who).put(path, body, '');

describe('strengths', () => {
  test('are set by the person themselves, replaced as a whole, and refused when malformed', async ({ server, priya }) => {
    const set = await put(server, demoPeople.mentor.id, paths.myStrengths, { strengths: ['Coaching', 'Incident command'] });
    expect(set.status).toBe(200);
    expect((await priya().get(paths.myStrengths)).body).toEqual({ strengths: ['Coaching', 'Incident command'] });
    expect((await server.app.repositories.people.get(demoPeople.mentor.id))?.strengths).toEqual(['Coaching', 'Incident command']);

    const before = await storageSnapshot(server);
    for (const body of [{ strengths: ['Coaching', 'coaching'] }, { strengths: [''] }, { strengths: 'Coaching' }, { other: [] }]) {
      const refused = await put(server, demoPeople.mentor.id, paths.myStrengths, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    expect(await storageSnapshot(server)).toBe(before);
  });
});

describe('suggested mentors', () => {
  test('are ranked by the behaviors the mentee’s goals need, shared hours and free places, each with its reasons', async ({
    server,
    jordan,
  }) => {
    const first = await jordan().get(matchingFor(alex.id));
    expect(first.status).toBe(200);
    const needed: string[] = first.body.neededBehaviors;
    expect(needed.length).toBeGreaterThan(1);

    const strong = await newEnrolled(server, 'mentor', { displayName: 'Ranking Strong', mentorCapacity: 2 });
    const unmatched = await newEnrolled(server, 'mentor', { displayName: 'Ranking Unmatched', mentorCapacity: 2 });
    const faraway = await newEnrolled(server, 'mentor', {
      displayName: 'Ranking Faraway',
      mentorCapacity: 2,
      timeZone: 'Pacific/Kiritimati',
      workingHours: { start: '09:00', end: '10:00', days: [7] },
    });
    const full = await newEnrolled(server, 'mentor', { displayName: 'Ranking Full', mentorCapacity: 1 });
    // Each sets their own strengths through the API.
    for (const [who, strengths] of [
      [strong, needed],
      [unmatched, ['Gardening']],
      [faraway, needed],
      [full, needed],
    ] as const) {
      expect((await put(server, who.id, paths.myStrengths, { strengths: [...strengths].map((s) => s.toUpperCase()) })).status).toBe(200);
    }
    const filled = await jordan().post(pairsPath, { mentorId: full.id, menteeId: demoPeople.menteeSam.id });
    expect(filled.status).toBe(201);

    const res = await jordan().get(matchingFor(alex.id));
    expect(res.status).toBe(200);
    const ids: string[] = res.body.suggestions.map((s: { mentorId: string }) => s.mentorId);
    // A mentor with no free place is not suggested; the mentee never mentors themselves; non-mentors are not candidates.
    expect(ids).not.toContain(full.id);
    expect(ids).not.toContain(alex.id);
    expect(ids).not.toContain(demoPeople.manager.id);
    expect(ids.indexOf(strong.id)).toBe(0);
    // Competencies weigh most: all of them with no shared hours beats none with a full week; shared hours then decide.
    expect(ids.indexOf(faraway.id)).toBeGreaterThan(ids.indexOf(strong.id));
    expect(ids.indexOf(faraway.id)).toBeLessThan(ids.indexOf(unmatched.id));

    const best = res.body.suggestions[0];
    expect(best).toMatchObject({
      displayName: 'Ranking Strong',
      matchedBehaviors: needed,
      neededBehaviors: needed.length,
      remainingCapacity: 2,
    });
    expect(best.overlapHoursPerWeek).toBeGreaterThan(0);
    expect(best.reasons).toEqual([
      `Strong in ${needed.length} of ${needed.length} behaviors the goals need: ${needed.join(', ')}.`,
      `${best.overlapHoursPerWeek} working hours a week in common with the mentee.`,
      '2 of 2 mentee places free.',
    ]);
    const far = res.body.suggestions.find((s: { mentorId: string }) => s.mentorId === faraway.id);
    expect(far.reasons).toContain('Their working hours never meet the mentee’s.');
    // The demo mentor counts the pairs she has (Alex and Sam, plus any this file created).
    const priya = res.body.suggestions.find((s: { mentorId: string }) => s.mentorId === demoPeople.mentor.id);
    expect(priya?.remainingCapacity).toBeLessThanOrEqual(1);
  });

  test('are for the program’s managers only: mentees, mentors, another program’s manager and other tenants find nothing', async ({
    server,
    jordan,
  }) => {
    const otherManager = await newPerson(server, { displayName: 'Other Program Manager' });
    const { managerIds: _m, ...settings } = (await server.app.repositories.programs.get(DEMO_PROGRAM_ID))!.value;
    await server.app.repositories.programs.save({ ...settings, id: 'matching-other-program', managerIds: [otherManager.id] });
    await enrol(server, alex, 'mentee', 'matching-other-program');
    for (const who of [alex.id, demoPeople.menteeSam.id, demoPeople.mentor.id, otherManager.id]) {
      const res = await apiAs(server.baseUrl, who).get(matchingFor(alex.id));
      expect(res.status, who).toBe(404);
    }
    // The other program's manager sees their own program, but not the demo one.
    expect((await apiAs(server.baseUrl, otherManager.id).get(matchingFor(alex.id, 'matching-other-program'))).status).toBe(200);

    const foreign = await newPerson(server, { displayName: 'Foreign Mentee', tenantId: 'f0f0f0f0-0000-4000-8000-000000000001' });
    expect((await jordan().get(matchingFor(foreign.id))).status).toBe(404);
    expect((await jordan().get(matchingFor(alex.id, 'no-such-program'))).status).toBe(404);
  });
  test('come only from the program’s enrolled mentors in the caller’s tenant, for a mentee enrolled in it', async ({ server, jordan }) => {
    const programQ = 'matching-program-q';
    const demo = (await server.app.repositories.programs.get(DEMO_PROGRAM_ID))!.value;
    await server.app.repositories.programs.save({ ...demo, id: programQ });
    const mentee = await newEnrolled(server, 'mentee', { displayName: 'Scoped Mentee' });
    const enrolled = await newEnrolled(server, 'mentor', { displayName: 'Scoped Enrolled Mentor', mentorCapacity: 2 });
    // A mentor by profile, enrolled nowhere.
    const unenrolled = await newPerson(server, { displayName: 'Scoped Unenrolled Mentor', mentorCapacity: 2 });
    const ofQ = await newPerson(server, { displayName: 'Scoped Mentor Of Q', mentorCapacity: 2 });
    await enrol(server, ofQ, 'mentor', programQ);
    // Enrolled in the demo program as a mentee only: not a mentor here, whatever their profile says.
    const menteeOnly = await newEnrolled(server, 'mentee', { displayName: 'Scoped Mentee With Places', mentorCapacity: 2 });
    // Another organization's mentor, even with an enrolment row naming this program.
    const foreign = await newPerson(server, {
      displayName: 'Scoped Foreign Mentor',
      mentorCapacity: 2,
      tenantId: 'f0f0f0f0-0000-4000-8000-000000000003',
    });
    await enrol(server, foreign, 'mentor');

    const res = await jordan().get(matchingFor(mentee.id));
    expect(res.status).toBe(200);
    const ids: string[] = res.body.suggestions.map((s: { mentorId: string }) => s.mentorId);
    expect(ids).toContain(enrolled.id);
    for (const left of [unenrolled, ofQ, menteeOnly, foreign, mentee]) expect(ids, left.displayName).not.toContain(left.id);

    // In program Q the same manager sees Q's mentor, for a mentee enrolled in Q.
    await enrol(server, mentee, 'mentee', programQ);
    const inQ = await jordan().get(matchingFor(mentee.id, programQ));
    expect(inQ.status).toBe(200);
    expect(inQ.body.suggestions.map((s: { mentorId: string }) => s.mentorId)).toEqual([ofQ.id]);
  });

  test('are refused for someone not enrolled in the program as a mentee', async ({ server, jordan }) => {
    const outsider = await newPerson(server, { displayName: 'Not Enrolled Yet' });
    const asMentor = await newEnrolled(server, 'mentor', { displayName: 'Enrolled As Mentor', mentorCapacity: 2 });
    for (const person of [outsider, asMentor]) {
      const res = await jordan().get(matchingFor(person.id));
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe(`${person.displayName} is not enrolled in this program as a mentee.`);
    }
  });
});

describe('creating a pair', () => {
  test('proposes it with an agreement from both people’s hours, and welcomes both in their chat', async ({
    server,
    jordan,
    bot,
    connector,
  }) => {
    const mentor = await newEnrolled(server, 'mentor', {
      displayName: 'Pairing Mentor',
      mentorCapacity: 1,
      timeZone: 'America/New_York',
      workingHours: { start: '08:00', end: '16:00', days: [1, 2, 3, 4] },
    });
    const mentee = await newEnrolled(server, 'mentee', { displayName: 'Pairing Mentee' });
    for (const person of [mentor, mentee]) {
      expect((await bot.install({ id: `29:${person.id}`, aadObjectId: person.id, name: person.displayName })).status).toBe(200);
    }
    connector.clear();

    const created = await jordan().post(pairsPath, { mentorId: mentor.id, menteeId: mentee.id });
    expect(created.status).toBe(201);
    const pair = created.body.value;
    expect(pair).toMatchObject({ programId: DEMO_PROGRAM_ID, mentorId: mentor.id, menteeId: mentee.id, status: 'proposed' });
    expect(pair.acceptedByMentorAt).toBeUndefined();
    expect(pair.acceptedByMenteeAt).toBeUndefined();
    expect(pair.agreement.mentor).toEqual({ timeZone: 'America/New_York', workingHours: mentor.workingHours });
    expect(pair.agreement.mentee).toEqual({ timeZone: mentee.timeZone, workingHours: mentee.workingHours });

    // Both see it in their plan, waiting for their acceptance.
    const plan = await apiAs(server.baseUrl, mentee.id).get(pathFor(paths.plan, { pairId: pair.id }));
    expect(plan.status).toBe(200);
    expect(plan.body.can.acceptAgreement).toBe(true);
    expect((await apiAs(server.baseUrl, mentor.id).get(pathFor(paths.plan, { pairId: pair.id }))).status).toBe(200);

    const welcomes = connector
      .delivered()
      .map((r) => ({ conversationId: r.conversationId, text: JSON.stringify(r.body.attachments?.[0]?.content ?? {}) }))
      .filter((w) => w.text.includes('Your program has paired you'));
    expect(welcomes).toHaveLength(2);
    const to = (person: Person) => welcomes.find((w) => w.conversationId.includes(person.id.replace(/-/g, '')))?.text;
    expect(to(mentee)).toContain('paired you with **Pairing Mentor** as your mentor');
    expect(to(mentor)).toContain('paired you with **Pairing Mentee** as their mentor');
  });

  test('refuses a mentor at capacity, self-pairing, the same two again and people it does not know, writing nothing', async ({
    server,
    jordan,
    priya,
  }) => {
    const mentor = await newEnrolled(server, 'mentor', { displayName: 'Busy Mentor', mentorCapacity: 1 });
    const mentee = await newEnrolled(server, 'mentee', { displayName: 'First Mentee' });
    const another = await newEnrolled(server, 'mentee', { displayName: 'Second Mentee' });
    const foreign = await newPerson(server, {
      displayName: 'Foreign Mentor',
      mentorCapacity: 3,
      tenantId: 'f0f0f0f0-0000-4000-8000-000000000002',
    });
    expect((await jordan().post(pairsPath, { mentorId: mentor.id, menteeId: mentee.id })).status).toBe(201);

    const before = await storageSnapshot(server);
    const cases: [unknown, number, string][] = [
      [{ mentorId: mentor.id, menteeId: mentee.id }, 409, 'already mentors'],
      [{ mentorId: mentor.id, menteeId: another.id }, 400, 'no free mentee place'],
      [{ mentorId: another.id, menteeId: another.id }, 400, 'cannot mentor themselves'],
      [{ mentorId: mentee.id, menteeId: another.id }, 400, 'is not a mentor'],
      [{ mentorId: foreign.id, menteeId: another.id }, 400, 'no such person'],
      [{ mentorId: demoPeople.mentor.id, menteeId: randomUUID() }, 400, 'no such person'],
      [{ mentorId: demoPeople.mentor.id }, 400, 'need attention'],
    ];
    for (const [body, status, message] of cases) {
      const res = await jordan().post(pairsPath, body);
      expect({ body, status: res.status }).toEqual({ body, status });
      expect(JSON.stringify(res.body.error)).toContain(message);
    }
    // Participants are told the program does not exist.
    expect((await priya().post(pairsPath, { mentorId: demoPeople.mentor.id, menteeId: another.id })).status).toBe(404);
    expect(await storageSnapshot(server)).toBe(before);
    expect(demoPairIds.alex).toBeDefined();
  });

  test('pairs only a mentor enrolled in the program as a mentor with a mentee enrolled in it as a mentee', async ({ server, jordan }) => {
    const programQ = 'matching-pairs-q';
    const demo = (await server.app.repositories.programs.get(DEMO_PROGRAM_ID))!.value;
    await server.app.repositories.programs.save({ ...demo, id: programQ });
    const mentor = await newEnrolled(server, 'mentor', { displayName: 'Enrolled Pair Mentor', mentorCapacity: 2 });
    const mentee = await newEnrolled(server, 'mentee', { displayName: 'Enrolled Pair Mentee' });
    const unenrolledMentor = await newPerson(server, { displayName: 'Unenrolled Pair Mentor', mentorCapacity: 2 });
    const mentorOfQ = await newPerson(server, { displayName: 'Pair Mentor Of Q', mentorCapacity: 2 });
    await enrol(server, mentorOfQ, 'mentor', programQ);
    const unenrolledMentee = await newPerson(server, { displayName: 'Unenrolled Pair Mentee' });
    const menteeOfQ = await newPerson(server, { displayName: 'Pair Mentee Of Q' });
    await enrol(server, menteeOfQ, 'mentee', programQ);
    const otherMentor = await newEnrolled(server, 'mentor', { displayName: 'Mentor Not Mentee', mentorCapacity: 2 });

    const before = await storageSnapshot(server);
    const cases: [{ mentorId: string; menteeId: string }, string, string][] = [
      [{ mentorId: unenrolledMentor.id, menteeId: mentee.id }, 'mentorId', 'Unenrolled Pair Mentor is not a mentor in this program'],
      [{ mentorId: mentorOfQ.id, menteeId: mentee.id }, 'mentorId', 'Pair Mentor Of Q is not a mentor in this program'],
      [
        { mentorId: mentor.id, menteeId: unenrolledMentee.id },
        'menteeId',
        'Unenrolled Pair Mentee is not enrolled in this program as a mentee.',
      ],
      [{ mentorId: mentor.id, menteeId: menteeOfQ.id }, 'menteeId', 'Pair Mentee Of Q is not enrolled in this program as a mentee.'],
      [{ mentorId: mentor.id, menteeId: otherMentor.id }, 'menteeId', 'Mentor Not Mentee is not enrolled in this program as a mentee.'],
    ];
    for (const [body, path, message] of cases) {
      const res = await jordan().post(pairsPath, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.error.issues).toEqual([{ path, message: expect.stringContaining(message) }]);
    }
    expect(await storageSnapshot(server)).toBe(before);

    const created = await jordan().post(pairsPath, { mentorId: mentor.id, menteeId: mentee.id });
    expect(created.status).toBe(201);
  });
});
