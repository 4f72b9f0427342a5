// Enrolment through the API: one person at a time and a cohort file (a dry run naming every bad row,
// then all rows or none), the list with who has not installed the app, removal, who may do any of
// it, and the mentor's last place taken by exactly one of two racing pairs.
import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoProgram, demoPeople } from '../../bot/dev/demoData';
import { enrolmentTable } from '../../bot/storage/enrolmentTable';
import { paths, pathFor } from '../../shared/api';
import { todayIn } from '../../shared/dates';
import { DEVELOPMENT_TENANT_ID } from '../../shared/person';
import { cohortColumns } from '../../shared/program/cohortCsv';
import type { Enrolment } from '../../shared/program/enrolment';
import { apiAs } from '../support/apiClient';
import { serverTest, type TestServer } from '../support/fixtures';
import { storageSnapshot } from '../support/storageSnapshot';
import { tablesOf } from '../support/testServer';

const test = serverTest.override({ serverOptions: { env: { RATE_LIMIT_WRITES_PER_MINUTE: '1000' } } });

const programId = DEMO_PROGRAM_ID;
const listPath = pathFor(paths.enrolments, { programId });
const importPath = (dryRun: boolean) => `${pathFor(paths.enrolmentImport, { programId })}${dryRun ? '?dryRun=true' : ''}`;
const hours = { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] };

const person = (fields: Partial<Record<string, unknown>> = {}) => ({
  personId: randomUUID(),
  displayName: `Enrolled ${Math.random().toString(36).slice(2, 7)}`,
  role: 'mentee',
  timeZone: 'Europe/Berlin',
  workingHours: hours,
  ...fields,
});

/** A cohort file with the template's header and one line per row (values in column order). */
const file = (...rows: string[][]) => [cohortColumns.join(','), ...rows.map((r) => r.join(','))].join('\n');
const row = (id: string, name: string, opts: { role?: string; zone?: string; capacity?: string; cohort?: string } = {}) => [
  id,
  name,
  '',
  opts.role ?? 'mentee',
  opts.zone ?? 'Europe/Berlin',
  '09:00',
  '17:00',
  '1-5',
  opts.capacity ?? '0',
  opts.cohort ?? '',
];

/** Enrolment rows stored for the program, counted or not: what an import wrote, whatever the API shows. */
async function storedRows(server: TestServer): Promise<string[]> {
  const keys: string[] = [];
  for await (const r of tablesOf(server).enrolments.listEntities({ queryOptions: { filter: `PartitionKey eq '${programId}'` } }))
    keys.push(r.rowKey!);
  return keys.sort();
}

describe('who may enrol', () => {
  test('only the program’s managers: its mentees, mentors and another program’s manager learn nothing and change nothing', async ({
    server,
    alex,
    priya,
  }) => {
    const otherManagerId = randomUUID();
    await server.app.repositories.people.save({
      id: otherManagerId,
      tenantId: DEVELOPMENT_TENANT_ID,
      displayName: 'Other Program Manager',
      timeZone: 'Europe/London',
      workingHours: hours,
      mentorCapacity: 0,
    });
    await server.app.repositories.programs.save({
      ...demoProgram(todayIn('UTC', new Date())),
      id: 'other-program',
      name: 'Another program',
      managerIds: [otherManagerId],
    });
    const otherManager = apiAs(server.baseUrl, otherManagerId);
    // The other manager does manage their own program.
    expect((await otherManager.get(pathFor(paths.enrolments, { programId: 'other-program' }))).status).toBe(200);

    const before = await storageSnapshot(server);
    const csv = file(row(randomUUID(), 'Someone New'));
    for (const client of [alex(), priya(), otherManager]) {
      const answers = [
        await client.get(listPath),
        await client.post(listPath, person()),
        await client.post(importPath(true), { csv }),
        await client.post(importPath(false), { csv }),
        await client.delete(pathFor(paths.enrolment, { programId, personId: demoPeople.menteeAlex.id })),
        await client.get(pathFor(paths.enrolmentTemplate, { programId })),
      ];
      expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404]);
      expect(answers[0]!.body.error.message).toBe('There is no such program, or you do not manage it.');
    }
    expect(await storageSnapshot(server)).toBe(before);
  });

  test('a person of another organization is not enrolled', async ({ server, jordan }) => {
    const foreignId = randomUUID();
    await server.app.repositories.people.save({
      id: foreignId,
      tenantId: 'f0f0f0f0-0000-4000-8000-000000000002',
      displayName: 'Foreign Person',
      timeZone: 'Europe/London',
      workingHours: hours,
      mentorCapacity: 0,
    });
    const before = await storageSnapshot(server);
    const one = await jordan().post(listPath, person({ personId: foreignId }));
    expect(one.status).toBe(400);
    expect(one.body.error.message).toBe('This person belongs to another organization.');
    const dry = await jordan().post(importPath(true), { csv: file(row(foreignId, 'Foreign Person')) });
    expect(dry.body.problems).toEqual([{ line: 2, column: 'personId', message: 'This person belongs to another organization.' }]);
    expect(await storageSnapshot(server)).toBe(before);
  });
});

describe('one person at a time', () => {
  test('enrols, lists with who has not installed the app, refuses repeats and capacities below the mentees, and removes', async ({
    server,
    bot,
    jordan,
  }) => {
    const newcomer = person({ cohort: '2026 spring', email: 'newcomer@example.com' });
    const created = await jordan().post(listPath, newcomer);
    expect(created.status).toBe(201);
    expect(created.body.value).toMatchObject({ personId: newcomer.personId, role: 'mentee', cohort: '2026 spring', mentorCapacity: 0 });
    // The profile matching and the plan read: the enrolment's time zone and hours.
    expect(await server.app.repositories.people.get(newcomer.personId)).toMatchObject({
      timeZone: 'Europe/Berlin',
      workingHours: hours,
      email: 'newcomer@example.com',
    });

    // Priya mentors Alex and Sam: a capacity of 1 is below that; 3 is fine. She has installed the app.
    const priya = demoPeople.mentor;
    expect((await bot.install({ id: '29:priya', aadObjectId: priya.id, name: priya.displayName })).status).toBeLessThan(300);
    const asMentor = {
      personId: priya.id,
      displayName: priya.displayName,
      role: 'mentor',
      timeZone: priya.timeZone,
      workingHours: priya.workingHours,
    };
    // The demo enrols Priya as a mentor: that enrolment goes first, so she is enrolled again here.
    const seeded = `${pathFor(paths.enrolment, { programId, personId: priya.id })}?role=mentor`;
    expect((await jordan().delete(seeded)).status).toBe(204);
    const tooSmall = await jordan().post(listPath, { ...asMentor, mentorCapacity: 1 });
    expect(tooSmall.status).toBe(400);
    expect(tooSmall.body.error.issues).toEqual([{ path: 'mentorCapacity', message: 'Over capacity: this mentor already has 2 mentees.' }]);
    expect((await jordan().post(listPath, { ...asMentor, mentorCapacity: 3 })).status).toBe(201);
    const again = await jordan().post(listPath, { ...asMentor, mentorCapacity: 3 });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(`${priya.displayName} is already enrolled as mentor.`);
    expect((await jordan().post(listPath, { ...asMentor, role: 'mentor', mentorCapacity: 0 })).status).toBe(409);

    const list = await jordan().get(listPath);
    expect(list.status).toBe(200);
    const entry = (id: string) => list.body.enrolled.find((e: { enrolment: { value: Enrolment } }) => e.enrolment.value.personId === id);
    expect(entry(newcomer.personId)).toMatchObject({ installed: false });
    expect(entry(priya.id)).toMatchObject({ installed: true, enrolment: { value: { role: 'mentor', mentorCapacity: 3 } } });
    expect(list.body.installHelp.shareLink).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/app\/[^/]+$/);
    expect(list.body.installHelp.setupPolicyDocs).toMatch(/^https:\/\/learn\.microsoft\.com\//);

    const removePath = pathFor(paths.enrolment, { programId, personId: newcomer.personId });
    expect((await jordan().delete(removePath)).status).toBe(204);
    expect((await jordan().delete(removePath)).status).toBe(404);
    expect(entryIn((await jordan().get(listPath)).body, newcomer.personId)).toBeUndefined();
  });

  test('refuses malformed people with 400 and writes nothing', async ({ server, jordan }) => {
    const before = await storageSnapshot(server);
    for (const body of [
      person({ timeZone: 'Mars/Olympus' }),
      person({ personId: 'not an id!' }),
      person({ role: 'sponsor' }),
      person({ workingHours: { start: '17:00', end: '09:00', days: [1] } }),
      person({ role: 'mentor', mentorCapacity: 0 }),
      person({ mentorCapacity: 21 }),
    ]) {
      const res = await jordan().post(listPath, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    expect(await storageSnapshot(server)).toBe(before);
  });
});

const entryIn = (view: { enrolled: { enrolment: { value: Enrolment } }[] }, id: string) =>
  view.enrolled.find((e) => e.enrolment.value.personId === id);

describe('a cohort file', () => {
  test('dry run names every bad row, with line, column and why, and writes nothing', async ({ server, jordan }) => {
    const priya = demoPeople.mentor;
    // Priya is enrolled as a mentor with her two mentees (the test before, or here).
    await jordan().post(listPath, {
      personId: priya.id,
      displayName: priya.displayName,
      role: 'mentor',
      timeZone: priya.timeZone,
      workingHours: priya.workingHours,
      mentorCapacity: 3,
    });
    const dup = randomUUID();
    const csv = file(
      row(dup, 'First Time'),
      row(randomUUID(), 'Far Away', { zone: 'Mars/Olympus' }),
      row(dup, 'Second Time'),
      row('', 'No Id'),
      row(priya.id, priya.displayName, { role: 'mentor', capacity: '1' }),
    );
    const before = await storageSnapshot(server);
    const res = await jordan().post(importPath(true), { csv });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      dryRun: true,
      imported: 0,
      people: [],
      problems: [
        { line: 3, column: 'timeZone', message: 'Unknown time zone: use a name like Europe/Berlin.' },
        { line: 4, column: 'personId', message: 'The same person is on line 2.' },
        { line: 5, column: 'personId', message: 'The person id is missing.' },
        { line: 6, column: 'personId', message: 'Already enrolled as mentor.' },
        { line: 6, column: 'mentorCapacity', message: 'Over capacity: this mentor already has 2 mentees.' },
      ],
    });
    expect(await storageSnapshot(server)).toBe(before);

    // The import of the same file: refused whole, with every problem named, and nobody enrolled.
    const refused = await jordan().post(importPath(false), { csv });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('Nobody was enrolled: 5 problems need attention.');
    expect(refused.body.error.issues[0]).toEqual({
      path: 'line 3, timeZone',
      message: 'Unknown time zone: use a name like Europe/Berlin.',
    });
    expect(await storageSnapshot(server)).toBe(before);
  });

  test('imports all rows or none: a bad row writes nothing, the fixed file enrols everyone, more than a transaction holds', async ({
    server,
    jordan,
  }) => {
    const ids = Array.from({ length: 150 }, () => randomUUID());
    const rows = ids.map((id, i) => row(id, `Cohort Person ${String(i).padStart(3, '0')}`, { cohort: '2026 autumn' }));
    const bad = [...rows];
    bad[140] = row(ids[140]!, 'Cohort Person 140', { zone: 'Nowhere/Land' });

    const before = await storageSnapshot(server);
    const rowsBefore = await storedRows(server);
    const refused = await jordan().post(importPath(false), { csv: file(...bad) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([
      { path: 'line 142, timeZone', message: 'Unknown time zone: use a name like Europe/Berlin.' },
    ]);
    expect(await storageSnapshot(server)).toBe(before);
    expect(await storedRows(server)).toEqual(rowsBefore);

    // Sent as the CSV file itself.
    const res = await fetch(`${server.baseUrl}${importPath(false)}`, {
      method: 'POST',
      headers: { 'X-Dev-User': demoPeople.manager.id, 'Content-Type': 'text/csv' },
      body: file(...rows),
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ dryRun: false, imported: 150, problems: [] });

    const list = (await jordan().get(listPath)).body;
    for (const id of ids) expect(entryIn(list, id)?.enrolment.value).toMatchObject({ role: 'mentee', cohort: '2026 autumn' });
    expect(await server.app.repositories.people.get(ids[149]!)).toMatchObject({ displayName: 'Cohort Person 149' });

    // The same file again: everyone is already enrolled, and nothing changes.
    const afterImport = await storageSnapshot(server);
    const again = await jordan().post(importPath(false), { csv: file(...rows) });
    expect(again.status).toBe(400);
    expect(again.body.error.issues).toHaveLength(150);
    expect(await storageSnapshot(server)).toBe(afterImport);
  });

  test('when a row cannot be written part-way through, the rows already written are taken back', async ({ server }) => {
    const enrolments = enrolmentTable(tablesOf(server));
    const at = new Date().toISOString();
    const enrolment = (i: number): Enrolment => ({
      programId,
      tenantId: DEVELOPMENT_TENANT_ID,
      personId: `e0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      role: 'mentee',
      displayName: `Storage Person ${i}`,
      timeZone: 'Europe/Berlin',
      workingHours: hours,
      mentorCapacity: 0,
      enrolledAt: at,
    });
    // Someone enrolled meanwhile: the import's third transaction finds their row.
    expect((await enrolments.create(enrolment(230))).ok).toBe(true);
    const before = await storedRows(server);
    const listed = (await enrolments.list(programId)).length;

    const result = await enrolments.createAll(Array.from({ length: 250 }, (_, i) => enrolment(i)));
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await storedRows(server)).toEqual(before);
    expect((await enrolments.list(programId)).length).toBe(listed);
  });

  test('rows of an import that never finished do not count, and the next import removes them', async ({ server }) => {
    const enrolments = enrolmentTable(tablesOf(server));
    const table = tablesOf(server).enrolments;
    const personId = randomUUID();
    const abandoned: Enrolment = {
      programId,
      tenantId: DEVELOPMENT_TENANT_ID,
      personId,
      role: 'mentee',
      displayName: 'Half Imported',
      timeZone: 'Europe/Berlin',
      workingHours: hours,
      mentorCapacity: 0,
      enrolledAt: new Date().toISOString(),
    };
    await table.createEntity({
      partitionKey: programId,
      rowKey: 'import|stopped',
      state: 'writing',
      startedAt: '2026-01-01T00:00:00.000Z',
    });
    await table.createEntity({
      partitionKey: programId,
      rowKey: `person|${personId}|mentee`,
      importId: 'stopped',
      data: JSON.stringify(abandoned),
    });
    expect((await enrolments.list(programId)).some((e) => e.value.personId === personId)).toBe(false);
    expect(await enrolments.get(programId, personId, 'mentee')).toBeUndefined();

    expect((await enrolments.createAll([{ ...abandoned, displayName: 'Imported Again' }])).ok).toBe(true);
    expect((await enrolments.get(programId, personId, 'mentee'))?.value.displayName).toBe('Imported Again');
    expect(await storedRows(server)).not.toContain('import|stopped');
  });

  test('a file larger than a JSON body may be is read when sent as text/csv', async ({ server }) => {
    const rows = Array.from({ length: 1_200 }, (_, i) => row(randomUUID(), `Large Cohort Person ${String(i).padStart(4, '0')}`));
    const csv = file(...rows);
    expect(csv.length).toBeGreaterThan(100 * 1024);
    const res = await fetch(`${server.baseUrl}${importPath(true)}`, {
      method: 'POST',
      headers: { 'X-Dev-User': demoPeople.manager.id, 'Content-Type': 'text/csv' },
      body: csv,
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expect(body.problems).toEqual([]);
    expect(body.people).toHaveLength(1_200);
  });

  test('the template downloads as CSV, and the dry run reads it', async ({ server, jordan }) => {
    const res = await fetch(`${server.baseUrl}${pathFor(paths.enrolmentTemplate, { programId })}`, {
      headers: { 'X-Dev-User': demoPeople.manager.id },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?cohort-template\.csv"?$/);
    const template = await res.text();
    expect(template.split(/\r?\n/)[0]).toBe(cohortColumns.join(','));
    const dry = await jordan().post(importPath(true), { csv: template });
    expect(dry.body.problems).toEqual([]);
    expect(dry.body.people.map((p: { role: string }) => p.role)).toEqual(['mentee', 'mentor']);
  });
});

describe('pairs of enrolled people', () => {
  test('two managers taking a mentor’s last place at once: exactly one pair is created', async ({ server, jordan }) => {
    // A second manager of the demo program, besides Jordan.
    const secondManagerId = randomUUID();
    await server.app.repositories.people.save({
      id: secondManagerId,
      tenantId: DEVELOPMENT_TENANT_ID,
      displayName: 'Second Manager',
      timeZone: 'Europe/London',
      workingHours: hours,
      mentorCapacity: 0,
    });
    const program = (await server.app.repositories.programs.get(programId))!.value;
    await server.app.repositories.programs.save({ ...program, managerIds: [...program.managerIds, secondManagerId] });
    const second = apiAs(server.baseUrl, secondManagerId);
    const pairsPath = pathFor(paths.programPairs, { programId });

    for (let trial = 0; trial < 5; trial++) {
      const mentor = person({ role: 'mentor', mentorCapacity: 2 });
      const mentees = [person({ cohort: `2026 race ${trial}` }), person({ cohort: `2026 race ${trial}` }), person()];
      for (const p of [mentor, ...mentees]) expect((await jordan().post(listPath, p)).status).toBe(201);
      // One place taken already: one left.
      expect((await jordan().post(pairsPath, { mentorId: mentor.personId, menteeId: mentees[2]!.personId })).status).toBe(201);

      const [a, b] = await Promise.all([
        jordan().post(pairsPath, { mentorId: mentor.personId, menteeId: mentees[0]!.personId }),
        second.post(pairsPath, { mentorId: mentor.personId, menteeId: mentees[1]!.personId }),
      ]);
      expect([a.status, b.status].sort(), JSON.stringify([a.body, b.body])).toEqual([201, 400]);
      const lost = a.status === 400 ? a : b;
      expect(lost.body.error.message).toContain('has no free mentee place');
      const won = a.status === 201 ? a : b;
      // The pair carries its mentee's cohort.
      expect(won.body.value.cohort).toBe(`2026 race ${trial}`);
      const mentorPairs = await server.app.repositories.plans.pairsOf(mentor.personId as string);
      expect(mentorPairs).toHaveLength(2);
    }
  });

  test('the same two paired by two managers at once: one pair', async ({ jordan }) => {
    const pairsPath = pathFor(paths.programPairs, { programId });
    const mentor = person({ role: 'mentor', mentorCapacity: 3 });
    const mentee = person();
    for (const p of [mentor, mentee]) expect((await jordan().post(listPath, p)).status).toBe(201);
    const both = await Promise.all([1, 2].map(() => jordan().post(pairsPath, { mentorId: mentor.personId, menteeId: mentee.personId })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
  });
});
