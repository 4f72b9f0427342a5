// The 360 request card's Universal Actions through the real /api/messages, as Teams sends them:
// answering (stored, changed, a retried submit stored once), someone the request does not name,
// a late submit, refused input, each respondent's own view (refresh) and "change my answer". The
// `ask for feedback` command runs its three cards the same way. Rows are read back from Azurite.
import { odata } from '@azure/data-tables';
import { beforeEach, describe, expect } from 'vitest';
import { feedbackAskInputs, feedbackAskVerbs } from '../../bot/cards/feedbackAskCards';
import { feedbackInputs, feedbackVerbs } from '../../bot/cards/feedbackRequestCard';
import { en } from '../../bot/cards/strings';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { encodeKey } from '../../bot/storage/tables';
import { paths, pathFor, type FeedbackRequestCreated } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { FEEDBACK_TEXT_MAX } from '../../shared/feedback/feedbackRequest';
import { apiAs } from '../support/apiClient';
import { cardActionActivity, installActivity, messageActivity, postActivity, type TeamsUser } from '../support/botActivities';
import { expectValidCard } from '../support/cardSchema';
import { serverTest } from '../support/fixtures';
import { tablesOf } from '../support/testServer';

const pairId = demoPairIds.alex;
const behaviors = ['Designs for failure', 'Owns incidents end to end', 'Shares post-incident learning'];
const user = (aadObjectId: string, name: string): TeamsUser => ({ id: `29:1${aadObjectId}`, aadObjectId, name });
const sam = user(demoPeople.menteeSam.id, demoPeople.menteeSam.displayName);
const jordan = user(demoPeople.manager.id, demoPeople.manager.displayName);
const stranger = user('e0000000-0000-4000-8000-00000000beef', 'Stranger');
const alex = user(demoPeople.menteeAlex.id, demoPeople.menteeAlex.displayName);
const alexConversation = 'a:alex-personal';
const samConversation = 'a:sam-personal';

const clock = { date: new Date() };
const test = serverTest
  .override({ serverOptions: { now: () => clock.date } })
  .extend(
    'newRequest',
    ({ server }) =>
      async function newRequest(over: Record<string, unknown> = {}): Promise<string> {
        const respondents = [
          { personId: sam.aadObjectId, displayName: sam.name, relation: 'peer' },
          { personId: jordan.aadObjectId, displayName: jordan.name, relation: 'supervisor' },
        ];
        const res = await apiAs(server.baseUrl, alex.aadObjectId).post<FeedbackRequestCreated>(
          pathFor(paths.feedbackRequests, { pairId }),
          {
            goalId: 'alex-oncall',
            respondents,
            closesOn: addDays(todayIn('UTC', clock.date), 5),
            ...over,
          },
        );
        expect(res.status).toBe(201);
        return res.body.request.value.id;
      },
  )
  /** Posts an Action.Execute as `who` and returns the card of the invoke response. */
  .extend(
    'act',
    ({ connector, server }) =>
      async function act(who: TeamsUser, verb: string, data: Record<string, unknown>, trigger: 'manual' | 'automatic' = 'manual') {
        const activity = cardActionActivity({ serviceUrl: connector.serviceUrl, user: who, verb, data });
        const res = await postActivity(server.baseUrl, { ...activity, value: { ...activity.value, trigger } });
        expect(res.status).toBe(200);
        const body = JSON.parse(res.text) as { statusCode: number; type: string; value: any };
        expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
        return body.value;
      },
  )
  .extend(
    'responseRows',
    ({ server }) =>
      async function responseRows(requestId: string) {
        const prefix = `feedbackresp|${requestId}|`;
        const filter = odata`PartitionKey eq ${encodeKey(pairId)} and RowKey ge ${prefix} and RowKey lt ${`feedbackresp|${requestId}}`}`;
        const rows: { rowKey?: string; etag: string; data?: unknown }[] = [];
        for await (const row of tablesOf(server).plans.listEntities({ queryOptions: { filter } })) rows.push(row as never);
        return rows.map((r) => ({ rowKey: r.rowKey, etag: r.etag, value: JSON.parse(String(r.data)) }));
      },
  );

test.beforeAll(async ({ server, connector }) => {
  await postActivity(server.baseUrl, installActivity({ serviceUrl: connector.serviceUrl, user: alex, conversationId: alexConversation }));
  await postActivity(server.baseUrl, installActivity({ serviceUrl: connector.serviceUrl, user: sam, conversationId: samConversation }));
});
beforeEach(() => {
  clock.date = new Date();
});

const inputs = (requestId: string, rating: number, example = 'Ran the outage review calmly.') => {
  const data: Record<string, string> = {
    pairId,
    requestId,
    [feedbackInputs.example]: example,
    [feedbackInputs.suggestion]: 'Write the runbook first.',
  };
  behaviors.forEach((_, i) => (data[feedbackInputs.rating(i)] = String(rating)));
  return data;
};

const texts = (card: any): string => JSON.stringify(card);
const inputsOf = (card: any): any[] => card.body.filter((e: any) => e.type.startsWith('Input.'));

describe('answering the request card', () => {
  test('stores the answer and shows the thank-you summary; a second submit updates it; a retry stores once', async ({
    newRequest,
    act,
    responseRows,
  }) => {
    const requestId = await newRequest();
    const thanks = await act(sam, feedbackVerbs.respond, inputs(requestId, 4));
    expectValidCard(thanks);
    expect(thanks.body[0].text).toBe(en.feedback.thanksTitle);
    expect(texts(thanks)).toContain('Ran the outage review calmly.');
    expect(texts(thanks)).toContain('You can change your answer until');
    expect(texts(thanks)).not.toContain('Input.');
    const [first] = await responseRows(requestId);
    expect(first!.value).toMatchObject({
      respondentId: sam.aadObjectId,
      ratings: Object.fromEntries(behaviors.map((b) => [b, 4])),
      example: 'Ran the outage review calmly.',
    });

    // Teams retries a slow invoke: the same answer again changes nothing.
    await act(sam, feedbackVerbs.respond, inputs(requestId, 4));
    expect(await responseRows(requestId)).toEqual([first]);

    const changed = await act(sam, feedbackVerbs.respond, inputs(requestId, 2, 'Paged the right people.'));
    expect(texts(changed)).toContain('Paged the right people.');
    const rows = await responseRows(requestId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.value).toMatchObject({
      example: 'Paged the right people.',
      answeredAt: first!.value.answeredAt,
      updatedAt: expect.any(String),
    });
  });

  test('answers someone the request does not name with a polite card, and stores nothing', async ({ newRequest, act, responseRows }) => {
    const requestId = await newRequest();
    for (const who of [stranger, alex]) {
      const card = await act(who, feedbackVerbs.respond, inputs(requestId, 5));
      expectValidCard(card);
      expect(card.body[0].text).toBe(en.feedback.notForYouTitle);
      expect(texts(card)).not.toMatch(/Designs for failure|Sam|Jordan/);
    }
    expect(await responseRows(requestId)).toEqual([]);
  });

  test('gives the form back with what was typed and what to fix, and stores nothing', async ({ newRequest, act, responseRows }) => {
    const requestId = await newRequest();
    const missing = { ...inputs(requestId, 3), [feedbackInputs.rating(1)]: '' };
    const form = await act(sam, feedbackVerbs.respond, missing);
    expectValidCard(form);
    expect(form.body.find((e: any) => e.type === 'Container' && e.style === 'attention')).toBeDefined();
    expect(texts(form)).toContain(`Rate “${behaviors[1]}” from 1 to 5.`);
    expect(inputsOf(form).find((i) => i.id === feedbackInputs.rating(0)).value).toBe('3');
    expect(inputsOf(form).find((i) => i.id === feedbackInputs.example).value).toBe('Ran the outage review calmly.');

    const tooLong = await act(sam, feedbackVerbs.respond, inputs(requestId, 3, 'x'.repeat(FEEDBACK_TEXT_MAX + 1)));
    expectValidCard(tooLong);
    expect(inputsOf(tooLong).find((i) => i.id === feedbackInputs.example).value).toHaveLength(FEEDBACK_TEXT_MAX);
    expect(tooLong.body.find((e: any) => e.type === 'Container' && e.style === 'attention')).toBeDefined();
    expect(await responseRows(requestId)).toEqual([]);
  });

  test('refuses a submit after the close date with the closed card, and writes nothing', async ({ newRequest, act, responseRows }) => {
    const requestId = await newRequest();
    await act(sam, feedbackVerbs.respond, inputs(requestId, 4));
    const before = await responseRows(requestId);
    clock.date = new Date(Date.parse(`${addDays(todayIn('UTC', new Date()), 7)}T12:00:00Z`));
    for (const who of [sam, jordan]) {
      const card = await act(who, feedbackVerbs.respond, inputs(requestId, 1, 'Too late.'));
      expectValidCard(card);
      expect(card.body[0].text).toBe(en.feedback.closedTitle);
    }
    expect(await responseRows(requestId)).toEqual(before);
  });

  test('answers a card whose data names no request with a card, not an error', async ({ act }) => {
    const card = await act(sam, feedbackVerbs.respond, { pairId: '../etc', requestId: 'x#y' });
    expectValidCard(card);
    expect(texts(card)).toContain(en.feedback.staleCard);
  });
});

describe('each respondent’s own view', () => {
  test('refresh: the thank-you for who answered, the form for who did not, nothing for anyone else', async ({ newRequest, act }) => {
    const requestId = await newRequest();
    await act(sam, feedbackVerbs.respond, inputs(requestId, 5));
    const ref = { pairId, requestId };
    const samView = await act(sam, feedbackVerbs.refresh, ref, 'automatic');
    expect(samView.body[0].text).toBe(en.feedback.thanksTitle);
    const jordanView = await act(jordan, feedbackVerbs.refresh, ref, 'automatic');
    expect(inputsOf(jordanView)).toHaveLength(behaviors.length + 2);
    expect(jordanView.refresh.action.verb).toBe(feedbackVerbs.refresh);
    expect((await act(stranger, feedbackVerbs.refresh, ref, 'automatic')).body[0].text).toBe(en.feedback.notForYouTitle);
    for (const card of [samView, jordanView]) expectValidCard(card);
  });

  test('change my answer: the form again, filled with the stored answer', async ({ newRequest, act }) => {
    const requestId = await newRequest();
    await act(sam, feedbackVerbs.respond, inputs(requestId, 2, 'Kept calm.'));
    const form = await act(sam, feedbackVerbs.edit, { pairId, requestId });
    expectValidCard(form);
    expect(inputsOf(form).map((i) => i.value)).toEqual(['2', '2', '2', 'Kept calm.', 'Write the runbook first.']);
  });
});

describe('ask for feedback, in the bot chat', () => {
  test('picks a goal, then behaviors, people and a date, creates the request and says who got it', async ({ server, connector, act }) => {
    await postActivity(
      server.baseUrl,
      messageActivity({ serviceUrl: connector.serviceUrl, user: alex, conversationId: alexConversation, text: 'ask for feedback' }),
    );
    const picker = connector.messages().at(-1).attachments[0].content;
    expectValidCard(picker);
    expect(picker.actions[0]).toMatchObject({ verb: feedbackAskVerbs.chooseGoal });
    expect(inputsOf(picker)[0].choices.map((c: any) => c.value)).toContain(`${pairId}/alex-oncall`);

    const form = await act(alex, feedbackAskVerbs.chooseGoal, { [feedbackAskInputs.goal]: `${pairId}/alex-oncall` });
    const behaviorInput = inputsOf(form).find((i) => i.id === feedbackAskInputs.behaviors);
    expect(behaviorInput.choices.map((c: any) => c.title)).toEqual(behaviors);
    expect(form.actions[0]).toMatchObject({ verb: feedbackAskVerbs.create, data: { pairId, goalId: 'alex-oncall' } });

    const chosen = {
      pairId,
      goalId: 'alex-oncall',
      [feedbackAskInputs.behaviors]: '0,2',
      [feedbackAskInputs.extraBehaviors]: 'Writes clear status updates\n',
      [feedbackAskInputs.respondents]: `${sam.aadObjectId},${jordan.aadObjectId}`,
      [feedbackAskInputs.relation]: 'peer',
      [feedbackAskInputs.closesOn]: addDays(todayIn('UTC', clock.date), 10),
      [feedbackAskInputs.anonymous]: 'false',
    };
    connector.clear();
    const sent = await act(alex, feedbackAskVerbs.create, chosen);
    expectValidCard(sent);
    expect(sent.body[0].text).toBe(en.feedbackAsk.sentTitle);
    expect(texts(sent)).toContain(`The request card is in the Mentoring chat of: ${sam.name}.`);
    expect(texts(sent)).toContain(`Not delivered (the Mentoring app is not installed for them): ${jordan.name}.`);
    expect(connector.messages().filter((m) => m.conversation?.id === samConversation)).toHaveLength(1);

    const list = await apiAs(server.baseUrl, alex.aadObjectId).get(pathFor(paths.feedbackRequests, { pairId }));
    expect(list.body.requests[0].value).toMatchObject({
      behaviors: [behaviors[0], behaviors[2], 'Writes clear status updates'],
      respondents: [
        { personId: sam.aadObjectId, displayName: demoPeople.menteeSam.displayName, relation: 'peer' },
        { personId: jordan.aadObjectId, displayName: demoPeople.manager.displayName, relation: 'peer' },
      ],
      anonymous: false,
    });
  });

  test('keeps what was chosen and says what to fix when the request is refused', async ({ server, act }) => {
    const before = (await apiAs(server.baseUrl, alex.aadObjectId).get(pathFor(paths.feedbackRequests, { pairId }))).body.requests.length;
    const form = await act(alex, feedbackAskVerbs.create, {
      pairId,
      goalId: 'alex-oncall',
      [feedbackAskInputs.behaviors]: '1',
      [feedbackAskInputs.respondents]: alex.aadObjectId,
      [feedbackAskInputs.relation]: 'peer',
      [feedbackAskInputs.closesOn]: addDays(todayIn('UTC', clock.date), -1),
    });
    expect(texts(form)).toContain('Ask other people: you cannot give feedback on your own request.');
    expect(inputsOf(form).find((i) => i.id === feedbackAskInputs.behaviors).value).toBe('1');
    const after = (await apiAs(server.baseUrl, alex.aadObjectId).get(pathFor(paths.feedbackRequests, { pairId }))).body.requests.length;
    expect(after).toBe(before);

    const unknown = await act(alex, feedbackAskVerbs.create, {
      pairId,
      goalId: 'alex-oncall',
      [feedbackAskInputs.behaviors]: '0',
      [feedbackAskInputs.respondents]: 'f0000000-0000-4000-8000-00000000dead',
      [feedbackAskInputs.relation]: 'customer',
      [feedbackAskInputs.closesOn]: addDays(todayIn('UTC', clock.date), 3),
    });
    expect(texts(unknown)).toContain(en.feedbackAsk.unknownPerson);
  });

  test('tells someone without a plan of their own that there is nothing to ask about', async ({ server, connector }) => {
    await postActivity(
      server.baseUrl,
      messageActivity({ serviceUrl: connector.serviceUrl, user: jordan, conversationId: 'a:jordan', text: 'Ask for feedback' }),
    );
    expect(connector.messages().at(-1).text).toBe(en.feedbackAsk.noMenteePair);
  });
});
