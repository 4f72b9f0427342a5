// An anonymous request shows its results only once ANONYMITY_THRESHOLD people answered, so one to
// fewer people could never show them: every door refuses it, says why, and stores nothing. The
// API, the bot's ask-for-feedback card and the message extension's dialog through the real server;
// the tab's dialog through the form model it validates with before sending.
import { describe, expect } from 'vitest';
import { feedbackAskInputs, feedbackAskVerbs } from '../../bot/cards/feedbackAskCards';
import { meInputs, requestFeedbackSteps } from '../../bot/cards/messageExtensionForms';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { meCommands } from '../../bot/teams/messageExtensionCommands';
import { paths, pathFor, type FeedbackRequestView } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { ANONYMITY_THRESHOLD, anonymityProblem } from '../../shared/feedback/feedbackRequest';
import { validateRequest } from '../../tab/components/Feedback/feedbackRequestFormModel';
import { apiAs } from '../support/apiClient';
import { BOT, cardActionActivity, postActivity, type TeamsUser } from '../support/botActivities';
import { serverTest } from '../support/fixtures';
import { dialogOf, insertedCards, textsOf } from '../support/messageExtensionDriver';

const pairId = demoPairIds.alex;
const requests = pathFor(paths.feedbackRequests, { pairId });
const user = (aadObjectId: string, name: string): TeamsUser => ({ id: `29:1${aadObjectId}`, aadObjectId, name });
const alex = user(demoPeople.menteeAlex.id, demoPeople.menteeAlex.displayName);
const sam = user(demoPeople.menteeSam.id, demoPeople.menteeSam.displayName);
const jordan = user(demoPeople.manager.id, demoPeople.manager.displayName);
const priya = user(demoPeople.mentor.id, demoPeople.mentor.displayName);
const chatId = '19:anonymous-threshold@thread.v2';
const why = anonymityProblem({ anonymous: true, respondents: [] })!;
const inAWeek = () => addDays(todayIn(demoPeople.menteeAlex.timeZone, new Date()), 7);
const respondent = (u: TeamsUser) => ({ personId: u.aadObjectId!, displayName: u.name!, relation: 'peer' as const });

const test = serverTest.override({ chat: { conversationId: chatId, conversationType: 'groupChat' } }).extend(
  'storedRequests',
  ({ server }) =>
    async () =>
      (await apiAs(server.baseUrl, alex.aadObjectId).get<{ requests: FeedbackRequestView[] }>(requests)).body.requests,
);

test.beforeAll(({ connector }) => {
  // The chat: Alex, two people she can ask, and the bot.
  connector.setMembers(
    chatId,
    [alex, sam, jordan]
      .map((u) => ({ id: u.id, aadObjectId: u.aadObjectId, name: u.name!, userRole: 'user' }))
      .concat([{ id: BOT.id, name: BOT.name } as never]),
  );
});

describe(`an anonymous request to fewer than ${ANONYMITY_THRESHOLD} people`, () => {
  test('the API answers 400 with the reason on the anonymous field, and stores nothing', async ({ server, storedRequests }) => {
    const before = (await storedRequests()).length;
    const res = await apiAs(server.baseUrl, alex.aadObjectId).post(requests, {
      goalId: 'alex-oncall',
      respondents: [respondent(sam), respondent(jordan)],
      closesOn: inAWeek(),
      anonymous: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid', issues: [{ path: 'anonymous', message: why }] });
    expect(await storedRequests()).toHaveLength(before);
    // Three people, or an attributed request to two, are fine.
    const three = await apiAs(server.baseUrl, alex.aadObjectId).post(requests, {
      goalId: 'alex-oncall',
      respondents: [respondent(sam), respondent(jordan), respondent(priya)],
      closesOn: inAWeek(),
      anonymous: true,
    });
    expect(three.status).toBe(201);
    const attributed = await apiAs(server.baseUrl, alex.aadObjectId).post(requests, {
      goalId: 'alex-oncall',
      respondents: [respondent(sam)],
      closesOn: inAWeek(),
      anonymous: false,
    });
    expect(attributed.status).toBe(201);
  });

  test('the bot’s ask-for-feedback card comes back with the reason and what was chosen', async ({ server, connector, storedRequests }) => {
    const before = (await storedRequests()).length;
    const data = {
      pairId,
      goalId: 'alex-oncall',
      submissionId: 'anonymous-to-two-by-card',
      [feedbackAskInputs.behaviors]: '0',
      [feedbackAskInputs.respondents]: `${sam.aadObjectId},${jordan.aadObjectId}`,
      [feedbackAskInputs.relation]: 'peer',
      [feedbackAskInputs.closesOn]: inAWeek(),
      [feedbackAskInputs.anonymous]: 'true',
    };
    const res = await postActivity(
      server.baseUrl,
      cardActionActivity({ serviceUrl: connector.serviceUrl, user: alex, verb: feedbackAskVerbs.create, data }),
    );
    expect(res.status).toBe(200);
    const card = JSON.parse(res.text).value;
    expect(textsOf(card)).toContain(`- ${why}`);
    expect(card.actions[0]).toMatchObject({ verb: feedbackAskVerbs.create, data: { submissionId: 'anonymous-to-two-by-card' } });
    expect(await storedRequests()).toHaveLength(before);
  });

  test('the message extension’s dialog stays open with the reason, and nothing goes into the chat', async ({ me, storedRequests }) => {
    const before = (await storedRequests()).length;
    const details = {
      step: requestFeedbackSteps.details,
      pairId,
      goalId: 'alex-oncall',
      submissionId: 'anonymous-to-two-by-dialog',
      [meInputs.behaviors]: '0',
      [meInputs.relation(sam.aadObjectId!)]: 'peer',
      [meInputs.relation(jordan.aadObjectId!)]: 'supervisor',
      [meInputs.closesOn]: inAWeek(),
      [meInputs.anonymous]: 'true',
    };
    const dialog = dialogOf(await me.submit(alex, meCommands.requestFeedback, details));
    expect(textsOf(dialog)).toContain(`- ${why}`);
    expect(await storedRequests()).toHaveLength(before);
    // Attributed, the same two people are asked and the card goes into the chat.
    const [card] = insertedCards(await me.submit(alex, meCommands.requestFeedback, { ...details, [meInputs.anonymous]: 'false' }));
    expect(card!.content.refresh.userIds).toHaveLength(2);
  });

  test('the tab’s dialog shows the reason next to the anonymity switch before sending', () => {
    const today = todayIn('UTC', new Date());
    const values = {
      goalId: 'alex-oncall',
      behaviors: ['Designs for failure'],
      respondents: [respondent(sam), respondent(jordan)],
      closesOn: addDays(today, 7),
      anonymous: true,
    };
    const refused = validateRequest(values, today);
    expect(refused).toEqual({ ok: false, errors: { anonymous: why } });
    expect(validateRequest({ ...values, respondents: [...values.respondents, respondent(priya)] }, today).ok).toBe(true);
    expect(validateRequest({ ...values, anonymous: false }, today).ok).toBe(true);
  });
});
