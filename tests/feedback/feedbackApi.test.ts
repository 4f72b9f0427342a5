// 360 feedback over the API against Azurite: choosing people, asking (and the bot delivering the
// card to each respondent who has the app, recorded by the local connector), listing with results,
// the anonymity threshold with answers given through the real card action, and bad input.
import { describe, expect } from 'vitest';
import { feedbackInputs, feedbackVerbs, teamsUserMri } from '../../bot/cards/feedbackRequestCard';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor, type FeedbackRequestCreated, type FeedbackRequestListView, type PeopleView } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import type { FeedbackResults } from '../../shared/feedback/feedbackResults';
import { apiAs } from '../support/apiClient';
import { cardActionActivity, installActivity, postActivity, type TeamsUser } from '../support/botActivities';
import { expectValidCard } from '../support/cardSchema';
import { tablesOf } from '../support/testServer';
import { serverOutsideTests, serverTest } from '../support/fixtures';
import { DEVELOPMENT_TENANT_ID } from '../../shared/person';

const pairId = demoPairIds.alex;
const requests = pathFor(paths.feedbackRequests, { pairId });
const sam: TeamsUser = { id: '29:1sam', aadObjectId: demoPeople.menteeSam.id, name: demoPeople.menteeSam.displayName };
const samConversation = 'a:sam-personal';
const guests = ['c0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000003'];
const guest = (i: number) => ({ personId: guests[i]!, displayName: `Guest ${i}`, relation: 'customer' as const });
const inAWeek = () => addDays(todayIn('UTC', new Date()), 7);
const behaviors = ['Designs for failure', 'Owns incidents end to end', 'Shares post-incident learning'];

const test = serverTest
  /** Answers the request card as `personId`, through /api/messages as Teams sends it. */
  .extend(
    'respondAs',
    ({ connector }) =>
      async function respondAs(personId: string, requestId: string, rating: number, example: string) {
        const data: Record<string, string> = { pairId, requestId, example, suggestion: `A suggestion rated ${rating}` };
        behaviors.forEach((_, i) => (data[feedbackInputs.rating(i)] = String(rating)));
        const user: TeamsUser = { id: `29:1${personId}`, aadObjectId: personId, name: 'Someone' };
        const res = await postActivity(
          server.baseUrl,
          cardActionActivity({ serviceUrl: connector.serviceUrl, user, verb: feedbackVerbs.respond, data }),
        );
        expect(res.status).toBe(200);
        return JSON.parse(res.text).value;
      },
  );
// The bad-input table below is built before the tests run: its requests reach the server through this.
const server = serverOutsideTests(test);
const alex = () => apiAs(server.baseUrl, demoPeople.menteeAlex.id);
const priya = () => apiAs(server.baseUrl, demoPeople.mentor.id);
const samApi = () => apiAs(server.baseUrl, demoPeople.menteeSam.id);

test.beforeAll(async ({ connector }) => {
  // Sam installed the app; the manager and the guests did not.
  await postActivity(server.baseUrl, installActivity({ serviceUrl: connector.serviceUrl, user: sam, conversationId: samConversation }));
});

async function ask(body: Record<string, unknown>) {
  const res = await alex().post<FeedbackRequestCreated>(requests, body);
  expect(res.status).toBe(201);
  return res.body;
}

async function openIndexRows() {
  const rows: { partitionKey?: string; requestId?: unknown }[] = [];
  for await (const row of tablesOf(server).openFeedback.listEntities()) rows.push(row);
  return rows;
}

describe('people to ask', () => {
  test('finds people the app knows by name, leaves out the caller and shows only a summary without email', async () => {
    const byName = await alex().get<PeopleView>(`${paths.people}?search=PRI`);
    expect(byName.status).toBe(200);
    expect(byName.body.people.map((p) => p.id)).toEqual([demoPeople.mentor.id]);
    expect(Object.keys(byName.body.people[0]!).sort()).toEqual(['displayName', 'id', 'jobTitle', 'timeZone']);
    const byEmail = await alex().get<PeopleView>(`${paths.people}?search=${encodeURIComponent('sam.okafor@')}`);
    expect(byEmail.body.people).toEqual([]);
    // "Alex Chen": found by Priya, left out for Alex.
    expect((await priya().get<PeopleView>(`${paths.people}?search=en`)).body.people.map((p) => p.id)).toContain(demoPeople.menteeAlex.id);
    expect((await alex().get<PeopleView>(`${paths.people}?search=en`)).body.people.map((p) => p.id)).not.toContain(
      demoPeople.menteeAlex.id,
    );
    expect((await alex().get(paths.people)).status).toBe(400);
  });

  test('answers at most 20 people', async () => {
    const base = {
      tenantId: DEVELOPMENT_TENANT_ID,
      timeZone: 'UTC',
      workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
      mentorCapacity: 0,
    };
    for (let i = 0; i < 25; i++)
      await server.app.repositories.people.save({
        ...base,
        id: `d0000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
        displayName: `Directory Person ${i}`,
      });
    expect((await alex().get<PeopleView>(`${paths.people}?search=directory`)).body.people).toHaveLength(20);
  });

  test('refuses a search that is too long, repeated, or has unknown parameters', async () => {
    for (const query of [`search=${'x'.repeat(101)}`, 'search=ab&search=cd', 'search=ab&top=5']) {
      const res = await alex().get(`${paths.people}?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid');
    }
  });
});

describe('asking for feedback', () => {
  test('creates the request, delivers the card to respondents with the app and says who did not get it', async ({ connector }) => {
    const respondents = [
      { personId: demoPeople.menteeSam.id, displayName: demoPeople.menteeSam.displayName, relation: 'peer' },
      { personId: demoPeople.manager.id, displayName: demoPeople.manager.displayName, relation: 'supervisor' },
    ];
    connector.clear();
    const created = await ask({ goalId: 'alex-oncall', respondents, closesOn: inAWeek() });
    expect(created.request).toMatchObject({
      goalTitle: 'Lead incident response for the payments service',
      value: { behaviors, status: 'open', createdBy: demoPeople.menteeAlex.id },
      etag: expect.any(String),
    });
    expect(created.request.results).toMatchObject({ visibility: 'shown', responseCount: 0, respondentCount: 2 });
    expect(created.delivery).toEqual([
      { personId: demoPeople.menteeSam.id, displayName: demoPeople.menteeSam.displayName, delivered: true },
      { personId: demoPeople.manager.id, displayName: demoPeople.manager.displayName, delivered: false },
    ]);

    const toSam = connector.messages().filter((m) => m.conversation?.id === samConversation);
    expect(toSam).toHaveLength(1);
    const card = toSam[0].attachments[0].content;
    expectValidCard(card);
    const requestId = created.request.value.id;
    expect(card.actions[0]).toMatchObject({ verb: feedbackVerbs.respond, data: { pairId, requestId } });
    expect(card.refresh.userIds).toEqual(respondents.map((r) => teamsUserMri(r.personId)));
    expect(connector.messages()).toHaveLength(1);

    // Filed in the open-request index under its close date: the jobs never read every pair.
    expect(await openIndexRows()).toContainEqual(expect.objectContaining({ partitionKey: inAWeek(), requestId }));
  });

  test('stores a repeated submission once and sends its cards once; a new submission is a new request', async ({ connector }) => {
    const respondents = [{ personId: demoPeople.menteeSam.id, displayName: demoPeople.menteeSam.displayName, relation: 'peer' }];
    const body = {
      goalId: 'alex-eval',
      behaviors: ['Explains trade-offs'],
      respondents,
      closesOn: inAWeek(),
      submissionId: '5f0e6b1c2d3a4e5f8a9b0c1d2e3f4a5b',
    };
    connector.clear();
    const first = await ask(body);
    const again = await ask(body);
    expect(again.request.value.id).toBe(first.request.value.id);
    expect(again.delivery).toEqual(first.delivery);
    expect(connector.messages()).toHaveLength(1);

    const another = await ask({ ...body, submissionId: '6a1f7c2d3e4b5f6a9b0c1d2e3f4a5b6c' });
    expect(another.request.value.id).not.toBe(first.request.value.id);
    expect(connector.messages()).toHaveLength(2);

    // A submission id is only a name for one filling-in of the form, never a way to reach another request.
    const reused = await alex().post(requests, { ...body, goalId: 'alex-oncall' });
    expect(reused.status).toBe(400);
    expect(connector.messages()).toHaveLength(2);
  });

  test('lists the pair’s requests for the mentee and the mentor, newest first, and for nobody else', async () => {
    const first = await ask({ goalId: 'alex-speaking', behaviors: ['Tells a story'], respondents: [guest(0)], closesOn: inAWeek() });
    const second = await ask({ goalId: 'alex-speaking', behaviors: ['Tells a story'], respondents: [guest(1)], closesOn: inAWeek() });
    for (const viewer of [alex(), priya()]) {
      const list = await viewer.get<FeedbackRequestListView>(requests);
      expect(list.status).toBe(200);
      const ids = list.body.requests.map((r) => r.value.id);
      expect(ids.indexOf(second.request.value.id)).toBeLessThan(ids.indexOf(first.request.value.id));
      expect(list.body.requests.find((r) => r.value.id === first.request.value.id)).toMatchObject({
        goalTitle: expect.any(String),
        results: { visibility: 'shown' },
      });
    }
    // A respondent sees their own request in the card only; the pair's list and results are not theirs.
    expect((await samApi().get(requests)).status).toBe(404);
    expect((await samApi().get(pathFor(paths.feedbackResults, { pairId, requestId: first.request.value.id }))).status).toBe(404);
  });
});

describe('anonymous results', () => {
  test('stay hidden with two answers, show with three, and never name anyone', async ({ respondAs }) => {
    const created = await ask({ goalId: 'alex-oncall', respondents: guests.map((_, i) => guest(i)), closesOn: inAWeek(), anonymous: true });
    const requestId = created.request.value.id;
    const results = async () => {
      const res = await alex().get<FeedbackResults>(pathFor(paths.feedbackResults, { pairId, requestId }));
      expect(res.status).toBe(200);
      return res.body;
    };
    await respondAs(guests[0]!, requestId, 4, 'Example from the first guest');
    await respondAs(guests[1]!, requestId, 2, 'Example from the second guest');
    const hidden = await results();
    expect(hidden).toMatchObject({ visibility: 'hidden', responseCount: 2, required: 3 });
    expect(JSON.stringify(hidden)).not.toMatch(/Example from|Guest|c0000000/);

    await respondAs(guests[2]!, requestId, 3, 'Example from the third guest');
    const shown = await results();
    expect(shown).toMatchObject({ visibility: 'shown', responseCount: 3, responseRate: 1 });
    if (shown.visibility !== 'shown') throw new Error('hidden');
    expect(shown.behaviors[0]).toMatchObject({ average: 3, distribution: [0, 1, 1, 1, 0] });
    expect(shown.examples.map((e) => e.text)).toEqual([
      'Example from the first guest',
      'Example from the second guest',
      'Example from the third guest',
    ]);
    expect(JSON.stringify(shown)).not.toMatch(/Guest \d|c0000000|"by"/);

    const list = await alex().get<FeedbackRequestListView>(requests);
    expect(list.body.stakeholderSatisfaction).toEqual(expect.any(Number));
  });
});

describe('bad input', () => {
  const respondents = [guest(0)];
  const cases: [string, () => Promise<{ status: number; body: any }>, number, string | undefined][] = [
    ['no respondents', () => alex().post(requests, { goalId: 'alex-oncall', respondents: [], closesOn: inAWeek() }), 400, 'respondents'],
    [
      'the same person twice',
      () => alex().post(requests, { goalId: 'alex-oncall', respondents: [guest(0), guest(0)], closesOn: inAWeek() }),
      400,
      'respondents',
    ],
    [
      'asking oneself',
      () =>
        alex().post(requests, {
          goalId: 'alex-oncall',
          respondents: [{ personId: demoPeople.menteeAlex.id, displayName: 'Me', relation: 'peer' }],
          closesOn: inAWeek(),
        }),
      400,
      'respondents.0.personId',
    ],
    [
      'a close date of today',
      () => alex().post(requests, { goalId: 'alex-oncall', respondents, closesOn: todayIn(demoPeople.menteeAlex.timeZone, new Date()) }),
      400,
      'closesOn',
    ],
    [
      'a goal of another pair',
      () => alex().post(requests, { goalId: 'sam-stakeholders', respondents, closesOn: inAWeek() }),
      400,
      'goalId',
    ],
    [
      'an unknown relation',
      () => alex().post(requests, { goalId: 'alex-oncall', respondents: [{ ...guest(0), relation: 'friend' }], closesOn: inAWeek() }),
      400,
      'respondents.0.relation',
    ],
    [
      'an unknown field',
      () => alex().post(requests, { goalId: 'alex-oncall', respondents, closesOn: inAWeek(), createdBy: demoPeople.mentor.id }),
      400,
      undefined,
    ],
    [
      'thirteen behaviors',
      () =>
        alex().post(requests, {
          goalId: 'alex-oncall',
          behaviors: Array.from({ length: 13 }, (_, i) => `B${i}`),
          respondents,
          closesOn: inAWeek(),
        }),
      400,
      'behaviors',
    ],
    ['the mentor asking', () => priya().post(requests, { goalId: 'alex-oncall', respondents, closesOn: inAWeek() }), 403, undefined],
    [
      'results of a request that does not exist',
      () => alex().get(pathFor(paths.feedbackResults, { pairId, requestId: 'nope' })),
      404,
      undefined,
    ],
  ];

  test.for(cases)('refuses %s and writes nothing', async ([_name, send, status, field], { connector }) => {
    const before = JSON.stringify([(await alex().get(requests)).body, await openIndexRows()]);
    connector.clear();
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body.error.message).toEqual(expect.any(String));
    if (field) expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(field);
    expect(JSON.stringify([(await alex().get(requests)).body, await openIndexRows()])).toBe(before);
    expect(connector.messages()).toEqual([]);
  });
});
