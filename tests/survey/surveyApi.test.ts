// The program survey over the API: participants answer once per cycle (again replaces), the
// program's managers see only aggregates over five or more people, and nothing the managers read,
// nor any stored answer, says who answered what.
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor } from '../../shared/api';
import { DEVELOPMENT_TENANT_ID, type Person } from '../../shared/person';
import { suppressedNote } from '../../shared/health/smallGroups';
import { apiAs } from '../support/apiClient';
import { serverOutsideTests, serverTest } from '../support/fixtures';
import { storageSnapshot } from '../support/storageSnapshot';
import { tablesOf } from '../support/testServer';

const test = serverTest.override('serverOptions', { env: { RATE_LIMIT_WRITES_PER_MINUTE: '10000' } });
const server = serverOutsideTests(test);

const surveyPath = pathFor(paths.survey, { programId: DEMO_PROGRAM_ID });
const answersPath = pathFor(paths.surveyAnswers, { programId: DEMO_PROGRAM_ID });
const resultsPath = pathFor(paths.surveyResults, { programId: DEMO_PROGRAM_ID });

const personNumbered = (n: number): Person => ({
  id: `5e000000-0000-4000-8000-00000000000${n}`,
  tenantId: DEVELOPMENT_TENANT_ID,
  displayName: `Survey Mentee ${n}`,
  email: `survey.mentee.${n}@contoso.example`,
  timeZone: 'Europe/London',
  workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
  mentorCapacity: 0,
});
/** Four more mentees of Priya in the demo program, and one in a program of its own. */
const mentees = [1, 2, 3, 4].map(personNumbered);
const outsider = personNumbered(5);
const OTHER_PROGRAM_ID = 'survey-other-program';
const FOREIGN_PROGRAM_ID = 'survey-foreign-program';
const FOREIGN_TENANT_ID = '7e000000-0000-4000-8000-0000000000f0';

const as = (who: Person | { id: string }) => apiAs(server.baseUrl, who.id);
const answer = (ratings: [number, number, number], change = '') => ({
  ratings: { 'worth-time': ratings[0], 'goals-moved': ratings[1], recommend: ratings[2] },
  texts: { change },
});
const everyone = [demoPeople.menteeAlex, demoPeople.mentor, ...mentees, outsider];
/** Whether a text names any person the test knows: id, name or email. */
const namesSomeone = (text: string) =>
  everyone.some((p) => [p.id, p.displayName, p.email].some((s) => s !== undefined && text.toLowerCase().includes(s.toLowerCase())));

async function surveyRows() {
  const out: Record<string, unknown>[] = [];
  for await (const row of tablesOf(server).surveys.listEntities<Record<string, unknown>>()) out.push(row);
  return out;
}

test.beforeAll(async ({ server }) => {
  const { people, plans, programs } = server.app.repositories;
  const alexPair = (await plans.load(demoPairIds.alex))!.mentorship.value;
  const program = (await programs.get(DEMO_PROGRAM_ID))!.value;
  await programs.save({ ...program, id: OTHER_PROGRAM_ID, name: 'Another program' });
  await programs.save({ ...program, id: FOREIGN_PROGRAM_ID, name: 'Another tenant’s program', tenantId: FOREIGN_TENANT_ID });
  const mentor = { id: demoPeople.mentor.id, displayName: demoPeople.mentor.displayName, timeZone: demoPeople.mentor.timeZone };
  const pairs = [
    ...mentees.map((m, i) => ({ id: `survey-pair-${i + 1}`, programId: DEMO_PROGRAM_ID, tenantId: alexPair.tenantId, mentee: m })),
    { id: 'survey-pair-other', programId: OTHER_PROGRAM_ID, tenantId: alexPair.tenantId, mentee: outsider },
    // Alex's object id in a pair of another tenant's program: not Alex of this tenant.
    { id: 'survey-pair-foreign', programId: FOREIGN_PROGRAM_ID, tenantId: FOREIGN_TENANT_ID, mentee: demoPeople.menteeAlex },
  ];
  for (const p of [...mentees, outsider]) await people.save(p);
  for (const p of pairs) {
    const created = await plans.createPair(
      { ...alexPair, id: p.id, programId: p.programId, tenantId: p.tenantId, menteeId: p.mentee.id },
      { mentor, mentee: { id: p.mentee.id, displayName: p.mentee.displayName, timeZone: p.mentee.timeZone } },
    );
    if (!created.ok) throw new Error(created.error.message);
  }
});

describe('the program survey', () => {
  test('shows a participant the program’s questions and whether they answered', async ({ alex }) => {
    const before = await alex().get(surveyPath);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ programId: DEMO_PROGRAM_ID, answered: false });
    expect(before.body.questions.map((q: { id: string }) => q.id)).toEqual(['worth-time', 'goals-moved', 'recommend', 'change']);
    const answered = await alex().put(answersPath, answer([4, 4, 5], 'More cross-team pairs.'), '');
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ programId: DEMO_PROGRAM_ID, answered: true });
    expect((await alex().get(surveyPath)).body.answered).toBe(true);
    // The mentor of the pair takes part too.
    expect((await as(demoPeople.mentor).get(surveyPath)).body.answered).toBe(false);
  });

  test('refuses bad answers with a 400 and writes nothing', async ({ server, alex }) => {
    const before = await storageSnapshot(server);
    const bad = [
      { ratings: { 'worth-time': 4, 'goals-moved': 4 }, texts: {} }, // a rating question left out
      answer([4, 6, 5]), // out of the scale
      { ...answer([4, 4, 5]), ratings: { 'worth-time': 4, 'goals-moved': 4, recommend: 5, nosuch: 3 } }, // no such question
      { ...answer([4, 4, 5]), texts: { 'worth-time': 'A rating question is not a text one.' } },
      { ...answer([4, 4, 5]), who: demoPeople.menteeAlex.id }, // more than the schema knows
      { ...answer([4, 4, 5]), texts: { change: 'x'.repeat(1_001) } },
      'not json at all',
    ];
    for (const body of bad) {
      const res = await alex().put(answersPath, body, '');
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    expect(await storageSnapshot(server)).toBe(before);
  });

  test('is refused to people of another program, another tenant, or no pair, and its results to participants', async ({
    server,
    sam,
    jordan,
    alex,
  }) => {
    const before = await storageSnapshot(server);
    // Another program's participant, Sam (whose pair is only proposed) and a manager who takes no part.
    for (const caller of [as(outsider), sam(), jordan()]) {
      expect((await caller.get(surveyPath)).status).toBe(404);
      expect((await caller.put(answersPath, answer([1, 1, 1]), '')).status).toBe(404);
    }
    // Alex's id is in a pair of another tenant's program; that program is not there for Alex of this tenant.
    const foreign = pathFor(paths.surveyAnswers, { programId: FOREIGN_PROGRAM_ID });
    expect((await alex().put(foreign, answer([1, 1, 1]), '')).status).toBe(404);
    expect((await alex().get(pathFor(paths.survey, { programId: FOREIGN_PROGRAM_ID }))).status).toBe(404);
    // Nor is another program of the tenant that Alex takes no part in.
    expect((await alex().put(pathFor(paths.surveyAnswers, { programId: OTHER_PROGRAM_ID }), answer([1, 1, 1]), '')).status).toBe(404);
    // Participants never read the results; the other program's manager list does not matter here.
    for (const caller of [alex(), as(demoPeople.mentor), as(outsider)]) expect((await caller.get(resultsPath)).status).toBe(404);
    expect(await storageSnapshot(server)).toBe(before);
  });

  test('hides every figure until five people answered, then shows them without naming anyone', async ({ jordan }) => {
    // Alex answered already; Priya and two more mentees make four.
    for (const [who, ratings, change] of [
      [demoPeople.mentor, [5, 4, 4], 'Shorter check-ins.'],
      [mentees[0]!, [3, 2, 4], ''],
      [mentees[1]!, [4, 3, 3], 'A kickoff event.'],
    ] as const) {
      expect((await as(who).put(answersPath, answer([...ratings], change), '')).status).toBe(200);
    }
    const four = await jordan().get(resultsPath);
    expect(four.status).toBe(200);
    expect(four.body.results.respondents).toEqual({ shown: false, note: suppressedNote });
    for (const q of four.body.results.questions) expect(q.result).toEqual({ shown: false, note: suppressedNote });
    expect(JSON.stringify(four.body)).not.toMatch(/Shorter check-ins|kickoff|cross-team/);
    expect(namesSomeone(JSON.stringify(four.body))).toBe(false);

    expect((await as(mentees[2]!).put(answersPath, answer([2, 5, 5], 'Pair across time zones.'), '')).status).toBe(200);
    const five = await jordan().get(resultsPath);
    expect(five.body.results.respondents).toEqual({ shown: true, value: 5, people: 5 });
    const [worth, goals, recommend, change] = five.body.results.questions;
    // Worth the time: 4, 5, 3, 4, 2.
    expect(worth.result).toEqual({ shown: true, people: 5, value: { mean: 3.6, counts: [0, 1, 1, 2, 1] } });
    expect(goals.result.value.counts).toEqual([0, 1, 1, 2, 1]);
    expect(recommend.result.value.mean).toBe(4.2);
    // Four people wrote something: below the floor for that question, whatever the survey's total.
    expect(change.result).toEqual({ shown: false, note: suppressedNote });
    expect(namesSomeone(JSON.stringify(five.body))).toBe(false);
  });

  test('takes a second answer of the same person in place of the first', async ({ alex, jordan }) => {
    expect((await alex().put(answersPath, answer([1, 1, 1], 'Changed my mind.'), '')).status).toBe(200);
    const results = await jordan().get(resultsPath);
    expect(results.body.results.respondents.value).toBe(5);
    // Worth the time: 1 (was 4), 5, 3, 4, 2.
    expect(results.body.results.questions[0].result.value.counts).toEqual([1, 1, 1, 1, 1]);
  });

  test('stores answers that name nobody, and markers that hold no answer', async () => {
    const rows = await surveyRows();
    const answers = rows.filter((r) => String(r.rowKey).startsWith('answer|'));
    const markers = rows.filter((r) => String(r.rowKey).startsWith('answered|'));
    expect(answers).toHaveLength(5);
    expect(markers).toHaveLength(5);
    for (const row of answers) {
      const { etag: _e, timestamp: _t, ...stored } = row;
      expect(namesSomeone(JSON.stringify(stored))).toBe(false);
    }
    for (const row of markers) expect(JSON.stringify(row)).not.toMatch(/ratings|texts|Changed my mind|worth-time/);
  });

  test('uses the questions the program chose', async ({ jordan, alex }) => {
    const settingsPath = pathFor(paths.programSettings, { programId: DEMO_PROGRAM_ID });
    const current = await jordan().get(settingsPath);
    const { id: _id, tenantId: _tenantId, ...settings } = current.body.value;
    const duplicate = [
      { id: 'q', kind: 'rating', text: 'One' },
      { id: 'q', kind: 'text', text: 'Two' },
    ];
    expect((await jordan().put(settingsPath, { ...settings, surveyQuestions: duplicate }, current.body.etag)).status).toBe(400);
    const questions = [{ id: 'useful', kind: 'rating', text: 'The program was useful.' }];
    const saved = await jordan().put(settingsPath, { ...settings, surveyQuestions: questions }, current.body.etag);
    expect(saved.status).toBe(200);
    expect((await alex().get(surveyPath)).body.questions).toEqual(questions);
    expect((await alex().put(answersPath, answer([3, 3, 3]), '')).status).toBe(400);
    expect((await alex().put(answersPath, { ratings: { useful: 5 }, texts: {} }, '')).status).toBe(200);
  });

  test('keeps an erased person’s answer counted and anonymous, and forgets that they answered', async ({ jordan }) => {
    const before = (await surveyRows()).filter((r) => String(r.rowKey).startsWith('answer|')).length;
    const erased = await as(mentees[0]!).delete(`${paths.me}?confirm=true`);
    expect(erased.status).toBe(200);
    const rows = await surveyRows();
    expect(rows.filter((r) => String(r.rowKey).startsWith('answer|'))).toHaveLength(before);
    expect(rows.some((r) => JSON.stringify(r).includes(mentees[0]!.id))).toBe(false);
    expect((await jordan().get(resultsPath)).status).toBe(200);
  });
});
