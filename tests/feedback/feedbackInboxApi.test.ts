// "Feedback asked of me" over the API against Azurite: who sees which request (a mentee of another
// pair, a manager in no pair), answering from the tab and then from the card (one answer, stored
// once), strangers, closed requests and bad input (refused, nothing written).
import { describe, expect } from 'vitest';
import { feedbackInputs, feedbackVerbs } from '../../bot/cards/feedbackRequestCard';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { feedbackAskedTable } from '../../bot/storage/feedbackAskedTable';
import { feedbackTable } from '../../bot/storage/feedbackTable';
import {
  paths,
  pathFor,
  type AskedFeedbackAnswered,
  type AskedFeedbackListView,
  type FeedbackRequestCreated,
  type FeedbackRequestListView,
} from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { apiAs } from '../support/apiClient';
import { cardActionActivity, postActivity, type TeamsUser } from '../support/botActivities';
import { serverTest } from '../support/fixtures';
import { tablesOf } from '../support/testServer';

const pairId = demoPairIds.alex;
const behaviors = ['Designs for failure', 'Owns incidents end to end'];
const inAWeek = () => addDays(todayIn('UTC', new Date()), 7);
const { menteeAlex: alex, menteeSam: sam, manager: jordan, mentor: priya } = demoPeople;
const respondents = [
  { personId: sam.id, displayName: sam.displayName, relation: 'peer' },
  { personId: jordan.id, displayName: jordan.displayName, relation: 'supervisor' },
];

const answerPath = (requestId: string) => pathFor(paths.myFeedbackAnswer, { pairId, requestId });
const answer = (rating: number, example = 'Ran the game day calmly.') => ({
  ratings: Object.fromEntries(behaviors.map((b) => [b, rating])),
  example,
  suggestion: 'Write the runbook down.',
});

const test = serverTest
  .extend(
    'as',
    { scope: 'file' },
    ({ server }) =>
      (personId: string) =>
        apiAs(server.baseUrl, personId),
  )
  .extend(
    'ask',
    ({ as }) =>
      async function ask(goalId = 'alex-oncall') {
        const res = await as(alex.id).post<FeedbackRequestCreated>(pathFor(paths.feedbackRequests, { pairId }), {
          goalId,
          behaviors,
          respondents,
          closesOn: inAWeek(),
        });
        expect(res.status).toBe(201);
        return res.body.request.value.id;
      },
  )
  .extend(
    'responseRows',
    ({ server }) =>
      async function responseRows(requestId: string) {
        const rows: { rowKey?: string; etag?: string }[] = [];
        for await (const row of tablesOf(server).plans.listEntities({ queryOptions: { filter: `PartitionKey eq '${pairId}'` } })) {
          if (row.rowKey?.startsWith(`feedbackresp|${requestId}|`)) rows.push({ rowKey: row.rowKey, etag: row.etag });
        }
        return rows;
      },
  )
  .extend('inbox', ({ as }) => async (personId: string) => {
    const res = await as(personId).get<AskedFeedbackListView>(paths.myFeedbackRequests);
    expect(res.status).toBe(200);
    return res.body.requests;
  })
  /** Answers the request card as Teams sends it, through /api/messages. */
  .extend(
    'answerInCard',
    ({ server, connector }) =>
      async function answerInCard(personId: string, requestId: string, rating: number, example: string) {
        const data: Record<string, string> = { pairId, requestId, example, suggestion: 'Write the runbook down.' };
        behaviors.forEach((_, i) => (data[feedbackInputs.rating(i)] = String(rating)));
        const user: TeamsUser = { id: `29:1${personId}`, aadObjectId: personId, name: 'Someone' };
        const res = await postActivity(
          server.baseUrl,
          cardActionActivity({ serviceUrl: connector.serviceUrl, user, verb: feedbackVerbs.respond, data }),
        );
        expect(res.status).toBe(200);
      },
  );

describe('the requests asked of me', () => {
  test('lists a request for each person it names, with only what the card shows, and for nobody else', async ({ as, ask, inbox }) => {
    const requestId = await ask();
    for (const person of [sam, jordan]) {
      const mine = (await inbox(person.id)).find((r) => r.requestId === requestId);
      expect(mine).toEqual({
        pairId,
        requestId,
        menteeName: alex.displayName,
        goalTitle: 'Lead incident response for the payments service',
        behaviors,
        closesOn: inAWeek(),
        anonymous: false,
        relation: person === sam ? 'peer' : 'supervisor',
        open: true,
      });
    }
    // Jordan is in no pair: /api/me says so, yet the requests naming Jordan are there.
    expect((await as(jordan.id).get(paths.me)).body.pairs).toEqual([]);
    // Not the other respondents: Sam's list never names Jordan.
    expect(JSON.stringify(await inbox(sam.id))).not.toContain(jordan.displayName);
    for (const person of [alex, priya]) expect((await inbox(person.id)).map((r) => r.requestId)).not.toContain(requestId);
  });

  test('passes over an index row whose request was never stored (a create that failed after filing it)', async ({ server, ask, inbox }) => {
    const requestId = await ask();
    await feedbackAskedTable(tablesOf(server)).file({
      pairId,
      id: 'never-stored',
      createdAt: new Date().toISOString(),
      respondents: [{ personId: sam.id, displayName: sam.displayName, relation: 'peer' }],
    });
    const ids = (await inbox(sam.id)).map((r) => r.requestId);
    expect(ids).toContain(requestId);
    expect(ids).not.toContain('never-stored');
  });

  test('takes an answer from the tab, stores it once, and the card finds the same answer', async ({
    as,
    ask,
    responseRows,
    inbox,
    answerInCard,
  }) => {
    const requestId = await ask();
    const first = await as(sam.id).put<AskedFeedbackAnswered>(answerPath(requestId), answer(4), '');
    expect(first.status).toBe(200);
    expect(first.body.outcome).toBe('stored');
    expect(first.body.request.answer).toMatchObject(answer(4));
    const again = await as(sam.id).put<AskedFeedbackAnswered>(answerPath(requestId), answer(4), '');
    expect(again.body.outcome).toBe('duplicate');
    // The same answer sent from the card is the same person's one answer: still one row.
    await answerInCard(sam.id, requestId, 4, answer(4).example);
    expect(await responseRows(requestId)).toHaveLength(1);

    // A changed answer from the card shows in the tab; still one row.
    await answerInCard(sam.id, requestId, 2, 'Paged the right people.');
    const mine = (await inbox(sam.id)).find((r) => r.requestId === requestId)!;
    expect(mine.answer).toMatchObject({
      ratings: { [behaviors[0]!]: 2, [behaviors[1]!]: 2 },
      example: 'Paged the right people.',
      updatedAt: expect.any(String),
    });
    expect(await responseRows(requestId)).toHaveLength(1);

    // The mentee sees it counted.
    const list = await as(alex.id).get<FeedbackRequestListView>(pathFor(paths.feedbackRequests, { pairId }));
    expect(list.body.requests.find((r) => r.value.id === requestId)?.results).toMatchObject({ responseCount: 1, respondentCount: 2 });
  });

  test('answers 404 to someone the request does not name, and to a request that does not exist', async ({ as, ask, responseRows }) => {
    const requestId = await ask();
    for (const person of [alex, priya]) {
      const res = await as(person.id).put(answerPath(requestId), answer(3), '');
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    expect((await as(sam.id).put(answerPath('no-such-request'), answer(3), '')).status).toBe(404);
    expect((await as(sam.id).put(pathFor(paths.myFeedbackAnswer, { pairId: demoPairIds.sam, requestId }), answer(3), '')).status).toBe(404);
    expect(await responseRows(requestId)).toEqual([]);
  });

  test('refuses answers to a closed request, with the date, and still shows the answer given before', async ({
    server,
    as,
    ask,
    responseRows,
    inbox,
  }) => {
    const requestId = await ask();
    expect((await as(jordan.id).put(answerPath(requestId), answer(5), '')).status).toBe(200);
    const repo = feedbackTable(tablesOf(server));
    const stored = (await repo.getRequest(pairId, requestId))!;
    expect((await repo.updateRequest({ ...stored.value, status: 'closed' }, stored.etag)).ok).toBe(true);
    const before = await responseRows(requestId);

    for (const person of [sam, jordan]) {
      const res = await as(person.id).put(answerPath(requestId), answer(1), '');
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({
        code: 'conflict',
        message: `This feedback request closed on ${inAWeek()}; answers are no longer taken.`,
      });
    }
    expect(await responseRows(requestId)).toEqual(before);
    const jordans = (await inbox(jordan.id)).find((r) => r.requestId === requestId)!;
    expect(jordans).toMatchObject({ open: false, answer: answer(5) });
    expect((await inbox(sam.id)).find((r) => r.requestId === requestId)).toMatchObject({ open: false });
    // Open requests come first.
    const order = (await inbox(sam.id)).map((r) => r.open);
    expect(order).toEqual([...order].sort((a, b) => Number(b) - Number(a)));
  });

  test('refuses bad input with what to fix, and writes nothing', async ({ as, ask, responseRows }) => {
    const requestId = await ask();
    const bad: [unknown, string][] = [
      [{ ...answer(3), ratings: { [behaviors[0]!]: 3 } }, `ratings.${behaviors[1]}`],
      [{ ...answer(3), ratings: { ...answer(3).ratings, 'Something else': 3 } }, 'ratings.Something else'],
      [answer(6), `ratings.${behaviors[0]}`],
      [{ ...answer(3), example: '   ' }, 'example'],
      [{ ...answer(3), suggestion: 'x'.repeat(1_001) }, 'suggestion'],
      [{ ...answer(3), extra: true }, ''],
    ];
    for (const [body, path] of bad) {
      const res = await as(sam.id).put(answerPath(requestId), body, '');
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe('invalid');
      expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect((await as(sam.id).put(answerPath(requestId), '{not json', '')).status).toBe(400);
    expect(await responseRows(requestId)).toEqual([]);
  });
});
