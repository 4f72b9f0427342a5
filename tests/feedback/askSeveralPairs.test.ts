// `ask for feedback` for a mentee of two pairs: the goal picker offers the active goals of both
// plans, each labelled with its mentor, and the request lands in the plan of the goal chosen, not
// in the first pair found.
import { describe, expect } from 'vitest';
import { feedbackAskInputs, feedbackAskVerbs } from '../../bot/cards/feedbackAskCards';
import { en, fillPlaceholders } from '../../bot/cards/strings';
import { demoPairIds, demoPairs, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor, type FeedbackRequestView } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { summarizePerson } from '../../shared/person';
import { apiAs } from '../support/apiClient';
import { cardActionActivity, messageActivity, postActivity, type TeamsUser } from '../support/botActivities';
import { expectValidCard } from '../support/cardSchema';
import { serverTest } from '../support/fixtures';

const alex: TeamsUser = { id: '29:1alex', aadObjectId: demoPeople.menteeAlex.id, name: demoPeople.menteeAlex.displayName };
const sam = demoPeople.menteeSam;
const secondPairId = 'second-pair-alex';
const secondGoalId = 'alex-guild';

const test = serverTest
  .extend(
    'act',
    ({ server, connector }) =>
      async function act(verb: string, data: Record<string, unknown>) {
        const res = await postActivity(server.baseUrl, cardActionActivity({ serviceUrl: connector.serviceUrl, user: alex, verb, data }));
        expect(res.status).toBe(200);
        return JSON.parse(res.text).value;
      },
  )
  .extend(
    'requestsOf',
    ({ server }) =>
      async (pairId: string) =>
        (
          await apiAs(server.baseUrl, alex.aadObjectId).get<{ requests: FeedbackRequestView[] }>(
            pathFor(paths.feedbackRequests, { pairId }),
          )
        ).body.requests,
  );

test.beforeAll(async ({ server }) => {
  // Alex is also Jordan's mentee, with one active goal in that plan.
  const now = new Date();
  const alexPair = demoPairs(now).find((p) => p.mentorship.id === demoPairIds.alex)!;
  const { plans } = server.app.repositories;
  const created = await plans.createPair(
    { ...alexPair.mentorship, id: secondPairId, mentorId: demoPeople.manager.id },
    { mentor: summarizePerson(demoPeople.manager), mentee: summarizePerson(demoPeople.menteeAlex) },
  );
  expect(created.ok).toBe(true);
  const goal = { ...alexPair.goals[0]!, id: secondGoalId, pairId: secondPairId, title: 'Run the architecture guild' };
  const goalCreated = await plans.createGoal(goal, {
    goalId: goal.id,
    revision: 1,
    change: 'created',
    at: goal.createdAt,
    by: goal.createdBy,
    fields: [],
  });
  expect(goalCreated.ok).toBe(true);
});
describe('ask for feedback, as the mentee of two pairs', () => {
  test('offers the goals of both plans by mentor, and asks in the plan of the goal chosen', async ({
    server,
    connector,
    act,
    requestsOf,
  }) => {
    await postActivity(server.baseUrl, messageActivity({ serviceUrl: connector.serviceUrl, user: alex, text: 'ask for feedback' }));
    const picker = connector.messages().at(-1).attachments[0].content;
    expectValidCard(picker);
    const choices: { title: string; value: string }[] = picker.body.find((e: any) => e.id === feedbackAskInputs.goal).choices;
    expect(choices).toContainEqual({
      title: fillPlaceholders(en.feedbackAsk.goalWithMentor, {
        mentor: demoPeople.manager.displayName,
        goal: 'Run the architecture guild',
      }),
      value: `${secondPairId}/${secondGoalId}`,
    });
    expect(choices).toContainEqual(
      expect.objectContaining({ value: `${demoPairIds.alex}/alex-oncall`, title: expect.stringContaining(demoPeople.mentor.displayName) }),
    );

    const form = await act(feedbackAskVerbs.chooseGoal, { [feedbackAskInputs.goal]: `${secondPairId}/${secondGoalId}` });
    expect(form.actions[0].data).toMatchObject({ pairId: secondPairId, goalId: secondGoalId });
    const before = (await requestsOf(demoPairIds.alex)).length;
    const sent = await act(feedbackAskVerbs.create, {
      ...form.actions[0].data,
      [feedbackAskInputs.behaviors]: '0',
      [feedbackAskInputs.respondents]: sam.id,
      [feedbackAskInputs.relation]: 'peer',
      [feedbackAskInputs.closesOn]: addDays(todayIn('UTC', new Date()), 10),
    });
    expect(sent.body[0].text).toBe(en.feedbackAsk.sentTitle);
    expect((await requestsOf(secondPairId)).map((r) => r.value.goalId)).toEqual([secondGoalId]);
    expect(await requestsOf(demoPairIds.alex)).toHaveLength(before);
  });
});
