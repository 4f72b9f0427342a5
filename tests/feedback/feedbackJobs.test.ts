// The 360 jobs against Azurite: pending respondents are reminded once, even when several instances
// run at the same moment (the server's job route and two more instances over the same tables);
// requests close after their date with their response counts; stale index rows are dropped. Cards
// go through the real Bot Framework messenger to the recording connector.
import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { jobPaths } from '../../bot/api/jobRoutes';
import { en } from '../../bot/cards/strings';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { createFeedbackDelivery } from '../../bot/feedback/feedbackDelivery';
import { createFeedbackJobs, type FeedbackJobReport } from '../../bot/feedback/feedbackJobs';
import { conversationTable } from '../../bot/storage/conversationTable';
import { feedbackTable } from '../../bot/storage/feedbackTable';
import { openFeedbackTable } from '../../bot/storage/openFeedbackTable';
import { planTable } from '../../bot/storage/planTable';
import { programTable } from '../../bot/storage/programTable';
import { paths, pathFor, type FeedbackRequestCreated } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { createFeedbackService } from '../../shared/feedback/feedbackService';
import { apiAs } from '../support/apiClient';
import { feedbackInputs, feedbackVerbs } from '../../bot/cards/feedbackRequestCard';
import { cardActionActivity, installActivity, postActivity, type TeamsUser } from '../support/botActivities';
import { localMessenger, silentLog } from '../support/checkIns';
import { expectValidCard } from '../support/cardSchema';
import { tablesOf } from '../support/testServer';
import { serverTest } from '../support/fixtures';
import { DEVELOPMENT_TENANT_ID } from '../../shared/person';

const secret = randomUUID();
const pairId = demoPairIds.alex;
const user = (aadObjectId: string, name: string): TeamsUser => ({ id: `29:1${aadObjectId}`, aadObjectId, name });
const sam = user(demoPeople.menteeSam.id, demoPeople.menteeSam.displayName);
const jordan = user(demoPeople.manager.id, demoPeople.manager.displayName);
const priya = user(demoPeople.mentor.id, demoPeople.mentor.displayName);
const conversationOf = (who: TeamsUser) => `a:${who.aadObjectId}-personal`;
const start = new Date('2026-11-20T15:00:00Z');
const closesOn = addDays(todayIn('UTC', start), 5);
const behaviors = ['Designs for failure', 'Owns incidents end to end', 'Shares post-incident learning'];

const clock = { date: start };
let requestId: string;
// The tests follow one request from reminder to closing: what the connector recorded carries over.
const test = serverTest
  .override({ serverOptions: { now: () => clock.date, env: { JOBS_SECRET: secret } }, keepConnectorRecords: true })
  /** Another server instance over the same tables, with its own messenger and rate limiter. */
  .extend(
    'anotherInstance',
    ({ server }) =>
      function anotherInstance() {
        const tables = tablesOf(server);
        const index = openFeedbackTable(tables);
        const feedback = feedbackTable(tables, index);
        const service = createFeedbackService({
          plans: planTable(tables),
          programs: programTable(tables),
          feedback,
          now: () => clock.date,
          newId: randomUUID,
        });
        const delivery = createFeedbackDelivery({ conversations: conversationTable(tables), messenger: localMessenger(), log: silentLog });
        return createFeedbackJobs({ index, feedback, service, delivery, log: silentLog, now: () => clock.date });
      },
  )
  .extend('trigger', ({ server }) => async (headers: Record<string, string> = { 'X-Jobs-Secret': secret }) => {
    const res = await fetch(`${server.baseUrl}${jobPaths.feedback}`, { method: 'POST', headers });
    return { status: res.status, body: (await res.json()) as FeedbackJobReport & { error?: { code: string } } };
  })
  .extend(
    'remindersTo',
    ({ connector }) =>
      (who: TeamsUser) =>
        connector.messages().filter((m) => m.conversation?.id === conversationOf(who)),
  )
  .extend(
    'storedRequest',
    ({ server }) =>
      async () =>
        await server.app.feedback.service.listRequests(
          { id: demoPeople.menteeAlex.id, tenantId: DEVELOPMENT_TENANT_ID, timeZone: 'UTC', appRoles: [] },
          pairId,
        ),
  )
  .extend('indexRows', ({ server }) => async () => {
    const rows: { partitionKey?: string; rowKey?: string }[] = [];
    for await (const row of tablesOf(server).openFeedback.listEntities()) rows.push(row);
    return rows;
  });

test.beforeAll(async ({ server, connector }) => {
  for (const who of [sam, jordan, priya])
    await postActivity(
      server.baseUrl,
      installActivity({ serviceUrl: connector.serviceUrl, user: who, conversationId: conversationOf(who) }),
    );
  const respondents = [
    { personId: sam.aadObjectId, displayName: sam.name, relation: 'peer' },
    { personId: jordan.aadObjectId, displayName: jordan.name, relation: 'supervisor' },
    { personId: priya.aadObjectId, displayName: priya.name, relation: 'peer' },
    // A guest without the app: nobody to remind through the bot.
    { personId: 'c0000000-0000-4000-8000-000000000001', displayName: 'Cai Customer', relation: 'customer' },
  ];
  const created = await apiAs(server.baseUrl, demoPeople.menteeAlex.id).post<FeedbackRequestCreated>(
    pathFor(paths.feedbackRequests, { pairId }),
    { goalId: 'alex-oncall', respondents, closesOn },
  );
  expect(created.status).toBe(201);
  requestId = created.body.request.value.id;
  const data: Record<string, string> = {
    pairId,
    requestId,
    [feedbackInputs.example]: 'Led the review.',
    [feedbackInputs.suggestion]: 'Share it wider.',
  };
  behaviors.forEach((_, i) => (data[feedbackInputs.rating(i)] = '4'));
  // Sam and Priya answered; Jordan did not.
  for (const who of [sam, priya])
    expect(
      (
        await postActivity(
          server.baseUrl,
          cardActionActivity({ serviceUrl: connector.serviceUrl, user: who, verb: feedbackVerbs.respond, data }),
        )
      ).status,
    ).toBe(200);
});

describe('POST /api/jobs/feedback', () => {
  test('refuses a caller without the scheduler secret', async ({ trigger }) => {
    const callers: Record<string, string>[] = [{}, { 'X-Jobs-Secret': `${secret}x` }, { 'X-Dev-User': demoPeople.menteeAlex.id }];
    for (const headers of callers) {
      const res = await trigger(headers);
      expect(res.status).toBe(401);
      expect(res.body.error?.code).toBe('unauthenticated');
    }
  });
});

describe('the reminder', () => {
  test('is not sent while the close date is far', async ({ connector, trigger }) => {
    connector.clear();
    const res = await trigger();
    expect(res.status).toBe(200);
    expect(res.body.outcomes.reminded).toBe(0);
    expect(connector.messages()).toEqual([]);
  });

  test('goes once to each pending respondent with the app, however many instances run at once', async ({
    connector,
    trigger,
    anotherInstance,
    remindersTo,
    storedRequest,
  }) => {
    clock.date = new Date(Date.parse(`${addDays(closesOn, -1)}T09:00:00Z`));
    connector.clear();
    const [viaRoute, second, third] = await Promise.all([trigger(), anotherInstance().run(), anotherInstance().run()]);
    expect(viaRoute.status).toBe(200);
    expect(viaRoute.body.outcomes.reminded + second.outcomes.reminded + third.outcomes.reminded).toBe(1);

    expect(remindersTo(jordan)).toHaveLength(1);
    expect(remindersTo(sam)).toEqual([]);
    expect(remindersTo(priya)).toEqual([]);
    expect(connector.messages()).toHaveLength(1);
    const card = remindersTo(jordan)[0].attachments[0].content;
    expectValidCard(card);
    expect(JSON.stringify(card)).toContain(en.feedback.reminderIntro.replace('{date}', closesOn));
    expect(card.actions[0]).toMatchObject({ verb: feedbackVerbs.respond, data: { pairId, requestId } });

    const stored = await storedRequest();
    expect(stored.ok && stored.value.requests.find((r) => r.value.id === requestId)?.value.remindedAt).toBe(clock.date.toISOString());

    // Later runs (even the next day) remind nobody again.
    clock.date = new Date(clock.date.getTime() + 86_400_000);
    await Promise.all([trigger(), anotherInstance().run()]);
    expect(connector.messages()).toHaveLength(1);
  });
});

describe('closing', () => {
  test('closes the request after its date, records how many answered and drops it from the index', async ({
    indexRows,
    trigger,
    anotherInstance,
    storedRequest,
  }) => {
    expect((await indexRows()).map((r) => r.partitionKey)).toContain(closesOn);
    // Through the close date everywhere on Earth it stays open; after it, it closes.
    clock.date = new Date(Date.parse(`${addDays(closesOn, 1)}T11:00:00Z`));
    expect((await trigger()).body.outcomes.closed).toBe(0);
    clock.date = new Date(Date.parse(`${addDays(closesOn, 1)}T13:00:00Z`));
    const [a, b] = await Promise.all([trigger(), anotherInstance().run()]);
    expect(a.body.outcomes.closed + b.outcomes.closed).toBe(1);

    const stored = await storedRequest();
    const closed = stored.ok ? stored.value.requests.find((r) => r.value.id === requestId) : undefined;
    expect(closed?.value).toMatchObject({ status: 'closed', closedAt: clock.date.toISOString(), responseCount: 2, responseRate: 0.5 });
    expect(closed?.results).toMatchObject({ status: 'closed', responseCount: 2 });
    expect(await indexRows()).toEqual([]);
    expect((await trigger()).body.rows).toBe(0);
  });

  test('drops an index row whose request does not exist', async ({ server, trigger, indexRows }) => {
    const index = openFeedbackTable(tablesOf(server));
    await index.file({ pairId, requestId: 'never-written', closesOn: todayIn('UTC', clock.date) });
    const res = await trigger();
    expect(res.body.outcomes.dropped).toBe(1);
    expect(await indexRows()).toEqual([]);
  });
});
