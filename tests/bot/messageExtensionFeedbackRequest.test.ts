// "Request feedback" from a group chat through the real /api/messages: the chat's members come from
// the (recording) Teams connector, the mentee picks a goal, then behaviors, people and a close date;
// the request is stored in Azurite and its card goes into the chat. Bad payloads store nothing.
import { describe, expect } from 'vitest';
import { feedbackVerbs } from '../../bot/cards/feedbackRequestCard';
import { goalChoiceValue, meInputs, requestFeedbackSteps } from '../../bot/cards/messageExtensionForms';
import { en, fillPlaceholders } from '../../bot/cards/strings';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { meCommands } from '../../bot/teams/messageExtensionCommands';
import { addDays, todayIn } from '../../shared/dates';
import { MAX_RESPONDENTS } from '../../shared/feedback/feedbackRequest';
import { BOT, type TeamsUser } from '../support/botActivities';
import { dialogOf, insertedCards, inputsOf, pairRows, textsOf } from '../support/messageExtensionDriver';
import type { ConnectorMember } from '../support/recordingConnector';
import { serverTest } from '../support/fixtures';

const alex: TeamsUser = { id: '29:1alex', aadObjectId: demoPeople.menteeAlex.id, name: demoPeople.menteeAlex.displayName };
const priya: TeamsUser = { id: '29:1priya', aadObjectId: demoPeople.mentor.id, name: demoPeople.mentor.displayName };
const morgan = { id: '29:1morgan', aadObjectId: '5a1b2c3d-0000-4000-8000-00000000a001', name: 'Morgan Diaz', userRole: 'user' };
const casey = { id: '29:1casey', aadObjectId: '5a1b2c3d-0000-4000-8000-00000000a002', name: 'Casey Kim (Fabrikam)', userRole: 'guest' };
const chatId = '19:incident-review@thread.v2';
const members: ConnectorMember[] = [
  { ...alex, name: alex.name!, userRole: 'user' },
  { ...priya, name: priya.name!, userRole: 'user' },
  morgan,
  casey,
  { id: BOT.id, name: BOT.name },
];
const s = en.messageExtension.requestFeedback;
const oncall = goalChoiceValue(demoPairIds.alex, 'alex-oncall');

const test = serverTest.override({ chat: { conversationId: chatId, conversationType: 'groupChat' } }).extend(
  'requests',
  ({ server }) =>
    () =>
      pairRows(server, demoPairIds.alex, 'feedback|'),
);

test.beforeAll(({ connector }) => {
  connector.setMembers(chatId, members);
});
const problemsIn = (card: any): string[] =>
  (card.body.find((e: any) => e.type === 'Container' && e.style === 'attention')?.items ?? [])
    .slice(1)
    .map((i: any) => i.text.replace(/^- /, ''));
const alexToday = () => todayIn(demoPeople.menteeAlex.timeZone, new Date());

/** The details step as the mentee leaves it: everyone preselected as the dialog suggests. */
function details(extra: Record<string, string> = {}) {
  return {
    step: requestFeedbackSteps.details,
    pairId: demoPairIds.alex,
    goalId: 'alex-oncall',
    [meInputs.behaviors]: '0,2',
    [meInputs.extraBehaviors]: 'Explains trade-offs clearly\n\n',
    [meInputs.relation(demoPeople.mentor.id)]: 'none',
    [meInputs.relation(morgan.aadObjectId)]: 'peer',
    [meInputs.relation(casey.aadObjectId)]: 'customer',
    [meInputs.closesOn]: addDays(alexToday(), 10),
    [meInputs.anonymous]: 'false',
    ...extra,
  };
}

describe('Request feedback: choosing the goal', () => {
  test('offers the mentee their active goals and counts whom the chat can ask (the asker and bots left out)', async ({ me, connector }) => {
    const card = dialogOf(await me.fetchTask(alex, meCommands.requestFeedback));
    expect(
      inputsOf(card)
        [meInputs.goal].choices.map((c: any) => c.value)
        .sort(),
    ).toEqual([goalChoiceValue(demoPairIds.alex, 'alex-eval'), oncall, goalChoiceValue(demoPairIds.alex, 'alex-speaking')]);
    expect(textsOf(card)).toContain(fillPlaceholders(s.membersFound, { count: '3' }));
    expect(card.actions[0]).toMatchObject({ type: 'Action.Submit', data: { step: requestFeedbackSteps.chooseGoal } });
    // The members came from the connector, for this chat.
    expect(connector.requests.filter((r) => r.method === 'GET').map((r) => [r.conversationId, r.path.split('/').pop()])).toEqual([
      [chatId, 'pagedmembers'],
    ]);
  });

  test('tells a mentor without goals of their own that there is nothing to ask about', async ({ me }) => {
    expect(textsOf(dialogOf(await me.fetchTask(priya, meCommands.requestFeedback)))).toContain(s.noGoals);
  });

  test('goes on to the details: the priority’s behaviors preselected, each chat member with a relation, a close date two weeks ahead', async ({
    me,
  }) => {
    const card = dialogOf(
      await me.submit(alex, meCommands.requestFeedback, { step: requestFeedbackSteps.chooseGoal, [meInputs.goal]: oncall }),
    );
    const inputs = inputsOf(card);
    expect(inputs[meInputs.behaviors]).toMatchObject({
      isMultiSelect: true,
      value: '0,1,2',
      choices: [
        { title: 'Designs for failure', value: '0' },
        { title: 'Owns incidents end to end', value: '1' },
        { title: 'Shares post-incident learning', value: '2' },
      ],
    });
    expect(
      Object.keys(inputs)
        .filter((id) => id.startsWith('relation.'))
        .sort(),
    ).toEqual(
      [meInputs.relation(demoPeople.mentor.id), meInputs.relation(morgan.aadObjectId), meInputs.relation(casey.aadObjectId)].sort(),
    );
    expect(inputs[meInputs.relation(casey.aadObjectId)]).toMatchObject({ label: casey.name, value: 'customer' });
    expect(inputs[meInputs.relation(morgan.aadObjectId)].value).toBe('peer');
    expect(inputs[meInputs.relation(morgan.aadObjectId)].choices.map((c: any) => c.value)).toEqual([
      'peer',
      'supervisor',
      'customer',
      'none',
    ]);
    expect(inputs[meInputs.closesOn]).toMatchObject({ type: 'Input.Date', value: addDays(alexToday(), 14), min: addDays(alexToday(), 1) });
    expect(inputs[meInputs.anonymous]).toMatchObject({ type: 'Input.Toggle' });
    expect(card.actions[0].data).toEqual({
      step: requestFeedbackSteps.details,
      pairId: demoPairIds.alex,
      goalId: 'alex-oncall',
      submissionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  test('asks again for a goal that is not the mentee’s own active goal', async ({ me }) => {
    for (const goal of [goalChoiceValue(demoPairIds.sam, 'sam-stakeholders'), goalChoiceValue(demoPairIds.alex, 'nope'), 'garbage']) {
      const card = dialogOf(
        await me.submit(alex, meCommands.requestFeedback, { step: requestFeedbackSteps.chooseGoal, [meInputs.goal]: goal }),
      );
      expect(problemsIn(card)).toEqual([s.goalError]);
      expect(inputsOf(card)[meInputs.goal]).toBeDefined();
    }
  });
});

describe('Request feedback: creating the request', () => {
  test('stores the request with the chosen people and behaviors and inserts its card into the chat', async ({ me, requests }) => {
    const [attachment, ...more] = insertedCards(await me.submit(alex, meCommands.requestFeedback, details()));
    expect(more).toEqual([]);
    // Morgan is only in this chat: the request naming them is the one just made.
    const [stored, ...others] = (await requests()).filter((r) =>
      r.respondents.some((p: { personId: string }) => p.personId === morgan.aadObjectId),
    );
    expect(others).toEqual([]);
    expect(stored).toMatchObject({
      goalId: 'alex-oncall',
      behaviors: ['Designs for failure', 'Shares post-incident learning', 'Explains trade-offs clearly'],
      respondents: [
        { personId: morgan.aadObjectId, displayName: morgan.name, relation: 'peer' },
        { personId: casey.aadObjectId, displayName: casey.name, relation: 'customer' },
      ],
      closesOn: addDays(alexToday(), 10),
      anonymous: false,
      createdBy: demoPeople.menteeAlex.id,
      status: 'open',
    });
    // The card the respondents answer in the chat, with Universal Actions that reach the bot.
    const card = attachment.content;
    expect(textsOf(card).join('\n')).toContain('Alex Chen');
    expect(card.actions[0]).toMatchObject({
      type: 'Action.Execute',
      verb: feedbackVerbs.respond,
      data: { pairId: demoPairIds.alex, requestId: stored!.id },
    });
    expect(card.refresh.userIds).toHaveLength(2);
  });

  test('stores a retried submit once: the same submission answers with the same request', async ({ me, requests }) => {
    const closesOn = addDays(alexToday(), 11);
    const data = details({ submissionId: 'a-retried-submission', [meInputs.closesOn]: closesOn });
    const [first] = insertedCards(await me.submit(alex, meCommands.requestFeedback, data));
    const [again] = insertedCards(await me.submit(alex, meCommands.requestFeedback, data));
    expect(again!.content.actions[0].data).toEqual(first!.content.actions[0].data);
    expect((await requests()).filter((r) => r.closesOn === closesOn)).toHaveLength(1);
  });

  test('refuses bad details with the dialog again, and stores nothing', async ({ requests, me }) => {
    const before = (await requests()).length;
    const stranger = '5a1b2c3d-0000-4000-8000-00000000dead';
    const cases: { data: Record<string, unknown>; problem: string | RegExp }[] = [
      { data: details({ [meInputs.closesOn]: addDays(alexToday(), -1) }), problem: 'Pick a close date after today.' },
      { data: details({ [meInputs.closesOn]: 'soon' }), problem: /date/i },
      {
        data: details({ [meInputs.relation(morgan.aadObjectId)]: 'none', [meInputs.relation(casey.aadObjectId)]: 'none' }),
        problem: 'Name at least one person to ask.',
      },
      { data: details({ [meInputs.behaviors]: '', [meInputs.extraBehaviors]: '' }), problem: 'Pick at least one behavior to be rated.' },
      { data: details({ [meInputs.relation(stranger)]: 'peer' }), problem: s.notAMember },
      { data: details({ [meInputs.extraBehaviors]: 'b'.repeat(201) }), problem: /200/ },
    ];
    for (const { data, problem } of cases) {
      const card = dialogOf(await me.submit(alex, meCommands.requestFeedback, data));
      expect(problemsIn(card).join('\n')).toMatch(problem);
      // The dialog keeps what was chosen.
      expect(inputsOf(card)[meInputs.closesOn].value).toBe(data[meInputs.closesOn] || addDays(alexToday(), 14));
    }
    expect(await requests()).toHaveLength(before);
  });

  test('refuses a request on someone else’s plan or goal, whatever the payload says', async ({ requests, server, me }) => {
    const before = { alex: (await requests()).length, sam: (await pairRows(server, demoPairIds.sam, 'feedback|')).length };
    const forged = [
      { user: alex, data: details({ pairId: demoPairIds.sam, goalId: 'sam-stakeholders' }) },
      { user: priya, data: details() },
      { user: alex, data: details({ goalId: 'no-such-goal' }) },
      { user: alex, data: details({ pairId: '../etc' }) },
      { user: alex, data: { ...details(), step: 'sideways' } },
    ];
    for (const { user, data } of forged) {
      const card = dialogOf(await me.submit(user, meCommands.requestFeedback, data));
      expect(textsOf(card)).toContain(en.messageExtension.staleForm);
    }
    expect((await requests()).length).toBe(before.alex);
    expect((await pairRows(server, demoPairIds.sam, 'feedback|')).length).toBe(before.sam);
  });
});

describe('Request feedback: chats the bot cannot read', () => {
  test('says it cannot see the chat’s members and lets nobody be named', async ({ connector, me, requests }) => {
    const closedChat = '19:bot-not-here@thread.v2';
    connector.setMembers(closedChat, { status: 403, code: 'BotNotInConversationRoster' });
    const goalCard = dialogOf(await me.fetchTask(alex, meCommands.requestFeedback, { conversationId: closedChat }));
    expect(textsOf(goalCard)).toContain(s.membersUnknown);

    const detailsCard = dialogOf(
      await me.submit(
        alex,
        meCommands.requestFeedback,
        { step: requestFeedbackSteps.chooseGoal, [meInputs.goal]: oncall },
        { conversationId: closedChat },
      ),
    );
    expect(problemsIn(detailsCard)).toContain(s.membersUnknown);
    expect(textsOf(detailsCard)).toContain(s.nobodyToAsk);
    expect(Object.keys(inputsOf(detailsCard)).some((id) => id.startsWith('relation.'))).toBe(false);

    const before = (await requests()).length;
    dialogOf(await me.submit(alex, meCommands.requestFeedback, details(), { conversationId: closedChat }));
    expect(await requests()).toHaveLength(before);
  });

  test('lists at most as many people as a request can name, reading the members page by page', async ({ connector, me }) => {
    const bigChat = '19:all-hands@thread.v2';
    const crowd = Array.from({ length: 150 }, (_, i) => ({
      id: `29:1p${i}`,
      aadObjectId: `6b000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `Person ${i}`,
      userRole: 'user',
    }));
    connector.setMembers(bigChat, [{ ...alex, name: alex.name! }, ...crowd]);
    const card = dialogOf(
      await me.submit(
        alex,
        meCommands.requestFeedback,
        { step: requestFeedbackSteps.chooseGoal, [meInputs.goal]: oncall },
        { conversationId: bigChat },
      ),
    );
    expect(Object.keys(inputsOf(card)).filter((id) => id.startsWith('relation.'))).toHaveLength(MAX_RESPONDENTS);
    expect(textsOf(card)).toContain(fillPlaceholders(s.moreMembers, { max: String(MAX_RESPONDENTS) }));
    expect(connector.requests.filter((r) => r.path.endsWith('/pagedmembers')).length).toBe(2);
  });
});
