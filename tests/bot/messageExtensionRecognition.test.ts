// "Send feedback" and "Recognize a win" through the real /api/messages, as Teams sends them: the
// dialog (composeExtension/fetchTask), its submit (composeExtension/submitAction), the card that
// goes into the chat, and what is stored in Azurite — or, for a bad payload, that nothing is.
import { describe, expect } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { goalChoiceValue, meInputs } from '../../bot/cards/messageExtensionForms';
import { en, fillPlaceholders } from '../../bot/cards/strings';
import { meCommands } from '../../bot/teams/messageExtensionCommands';
import { limits } from '../../shared/limits';
import { WIN_TEXT_MAX } from '../../shared/recognition/win';
import type { TeamsUser } from '../support/botActivities';
import { dialogOf, insertedCards, inputsOf, pairRows, textsOf } from '../support/messageExtensionDriver';
import { serverTest } from '../support/fixtures';

const alex: TeamsUser = { id: '29:1alex', aadObjectId: demoPeople.menteeAlex.id, name: demoPeople.menteeAlex.displayName };
const priya: TeamsUser = { id: '29:1priya', aadObjectId: demoPeople.mentor.id, name: demoPeople.mentor.displayName };
const jordan: TeamsUser = { id: '29:1jordan', aadObjectId: demoPeople.manager.id, name: demoPeople.manager.displayName };
const chat = { conversationId: '19:alex-priya@thread.v2', conversationType: 'groupChat' as const };
const s = en.messageExtension;

const test = serverTest
  .override({ chat: chat })
  .extend(
    'feedbackEntries',
    ({ server }) =>
      async (pairId: string = demoPairIds.alex) =>
        (await pairRows(server, pairId, 'journal|')).filter((e) => e.kind === 'feedback'),
  )
  .extend(
    'wins',
    ({ server }) =>
      (pairId: string = demoPairIds.alex) =>
        pairRows(server, pairId, 'win|'),
  );
const problemsIn = (card: any): string[] =>
  (card.body.find((e: any) => e.type === 'Container' && e.style === 'attention')?.items ?? []).map((i: any) => i.text);

describe('Send feedback', () => {
  test('lets a mentor choose among their mentees’ active goals, labelled “Mentee · goal”', async ({ me }) => {
    const card = dialogOf(await me.fetchTask(priya, meCommands.sendFeedback));
    const inputs = inputsOf(card);
    expect(inputs[meInputs.goal]).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true });
    expect(inputs[meInputs.goal].choices).toEqual(
      expect.arrayContaining([
        { title: 'Alex Chen · Lead incident response for the payments service', value: goalChoiceValue(demoPairIds.alex, 'alex-oncall') },
        {
          title: 'Sam Okafor · Run the quarterly metrics review with product leads',
          value: goalChoiceValue(demoPairIds.sam, 'sam-stakeholders'),
        },
      ]),
    );
    expect(inputs[meInputs.goal].choices).toHaveLength(4);
    expect(inputs[meInputs.text]).toMatchObject({ type: 'Input.Text', isMultiline: true, isRequired: true, maxLength: limits.longText });
    expect(card.actions).toEqual([expect.objectContaining({ type: 'Action.Submit', title: s.sendFeedback.submit })]);
  });

  test('tells someone who mentors nobody so, with nothing to fill in', async ({ me }) => {
    for (const user of [jordan, alex]) {
      const card = dialogOf(await me.fetchTask(user, meCommands.sendFeedback));
      expect(textsOf(card)).toContain(s.sendFeedback.noMentees);
      expect(inputsOf(card)).toEqual({});
      expect(card.actions).toEqual([]);
    }
  });

  test('starts from the text of the message it was opened on', async ({ me }) => {
    const card = dialogOf(
      await me.fetchTask(priya, meCommands.sendFeedback, { messageText: '<p>Great <b>incident</b> write-up &amp; timeline</p>' }),
    );
    expect(inputsOf(card)[meInputs.text].value).toBe('Great incident write-up & timeline');
  });

  test('stores the feedback in the pair’s journal and inserts the feedback card, once even when Teams retries', async ({
    me,
    feedbackEntries,
  }) => {
    const data = {
      [meInputs.goal]: goalChoiceValue(demoPairIds.alex, 'alex-oncall'),
      [meInputs.text]: 'You ran the bridge calmly.\nNext: delegate comms earlier.',
    };
    const [attachment, ...more] = insertedCards(await me.submit(priya, meCommands.sendFeedback, data));
    expect(more).toEqual([]);
    const texts = textsOf(attachment.content);
    expect(texts).toContain(fillPlaceholders(s.feedbackNote.title, { mentee: 'Alex Chen' }));
    expect(texts).toContain(data[meInputs.text]);
    expect(texts.join('\n')).toContain('Lead incident response for the payments service');

    insertedCards(await me.submit(priya, meCommands.sendFeedback, data));
    expect((await feedbackEntries()).filter((e) => e.body === data[meInputs.text])).toEqual([
      expect.objectContaining({
        kind: 'feedback',
        authorId: demoPeople.mentor.id,
        goalId: 'alex-oncall',
        body: data[meInputs.text],
        visibility: 'pair',
        menteeConsented: false,
      }),
    ]);
  });

  test('shows the dialog again with the problem, and stores nothing, for a bad submit', async ({ feedbackEntries, me }) => {
    const before = { alex: (await feedbackEntries()).length, sam: (await feedbackEntries(demoPairIds.sam)).length };
    const cases: { user: TeamsUser; data: Record<string, unknown>; problem: string | RegExp }[] = [
      { user: priya, data: { [meInputs.text]: 'No goal chosen' }, problem: s.sendFeedback.goalError },
      { user: priya, data: { [meInputs.goal]: 'not-a-goal', [meInputs.text]: 'Bad id' }, problem: s.sendFeedback.goalError },
      {
        user: priya,
        data: { [meInputs.goal]: goalChoiceValue(demoPairIds.alex, 'alex-oncall'), [meInputs.text]: '   ' },
        problem: 'Write the feedback.',
      },
      {
        user: priya,
        data: { [meInputs.goal]: goalChoiceValue(demoPairIds.alex, 'alex-oncall'), [meInputs.text]: 'x'.repeat(limits.longText + 1) },
        problem: /1000/,
      },
      {
        user: priya,
        data: { [meInputs.goal]: goalChoiceValue(demoPairIds.alex, 'sam-stakeholders'), [meInputs.text]: 'Wrong pair' },
        problem: 'That goal is not part of this plan.',
      },
      // A mentee cannot write the mentor's notes; a stranger learns nothing about the pair.
      {
        user: alex,
        data: { [meInputs.goal]: goalChoiceValue(demoPairIds.alex, 'alex-oncall'), [meInputs.text]: 'Self praise' },
        problem: /Only Priya Raman/,
      },
      {
        user: jordan,
        data: { [meInputs.goal]: goalChoiceValue(demoPairIds.alex, 'alex-oncall'), [meInputs.text]: 'Stranger' },
        problem: 'There is no such mentoring plan, or it is not shared with you.',
      },
    ];
    for (const { user, data, problem } of cases) {
      const card = dialogOf(await me.submit(user, meCommands.sendFeedback, data));
      const shown = [...problemsIn(card), ...textsOf(card)].join('\n');
      expect(shown).toMatch(problem);
    }
    // What was typed comes back (cut to what the input takes), so nothing has to be written twice.
    const long = dialogOf(
      await me.submit(priya, meCommands.sendFeedback, {
        [meInputs.goal]: goalChoiceValue(demoPairIds.alex, 'alex-eval'),
        [meInputs.text]: 'y'.repeat(limits.longText + 50),
      }),
    );
    expect(inputsOf(long)[meInputs.text].value).toHaveLength(limits.longText);
    expect(inputsOf(long)[meInputs.goal].value).toBe(goalChoiceValue(demoPairIds.alex, 'alex-eval'));
    expect(await feedbackEntries()).toHaveLength(before.alex);
    expect(await feedbackEntries(demoPairIds.sam)).toHaveLength(before.sam);
  });
});

describe('Recognize a win', () => {
  test('offers a mentor their mentees’ plans and goals, without a digest consent that is not theirs to give', async ({ me }) => {
    const card = dialogOf(await me.fetchTask(priya, meCommands.recognizeWin));
    const inputs = inputsOf(card);
    expect(inputs[meInputs.pair].choices).toEqual([
      { title: 'Alex Chen', value: demoPairIds.alex },
      { title: 'Sam Okafor', value: demoPairIds.sam },
    ]);
    expect(inputs[meInputs.goal]).not.toHaveProperty('isRequired');
    expect(inputs[meInputs.text]).toMatchObject({ isRequired: true, maxLength: WIN_TEXT_MAX });
    expect(inputs[meInputs.shareInDigest]).toBeUndefined();
  });

  test('offers a mentee their own plan, preselected, and the digest consent', async ({ me }) => {
    const card = dialogOf(await me.fetchTask(alex, meCommands.recognizeWin));
    const inputs = inputsOf(card);
    expect(inputs[meInputs.pair]).toMatchObject({
      value: demoPairIds.alex,
      choices: [{ title: 'My own plan (mentored by Priya Raman)', value: demoPairIds.alex }],
    });
    expect(inputs[meInputs.shareInDigest]).toMatchObject({ type: 'Input.Toggle', title: s.recognizeWin.shareLabel });
  });

  test('tells someone without a plan so', async ({ me }) => {
    expect(textsOf(dialogOf(await me.fetchTask(jordan, meCommands.recognizeWin)))).toContain(s.recognizeWin.noPairs);
  });

  test('records the mentee’s win with their consent and inserts the kudos card', async ({ me, wins, server }) => {
    const data = {
      [meInputs.pair]: demoPairIds.alex,
      [meInputs.goal]: goalChoiceValue(demoPairIds.alex, 'alex-oncall'),
      [meInputs.text]: 'Led my first incident alone.',
      [meInputs.shareInDigest]: 'true',
    };
    const [attachment] = insertedCards(await me.submit(alex, meCommands.recognizeWin, data));
    const texts = textsOf(attachment.content);
    expect(texts).toEqual(
      expect.arrayContaining([
        fillPlaceholders(s.kudos.title, { mentee: 'Alex Chen' }),
        'Led my first incident alone.',
        s.kudos.sharedInDigest,
      ]),
    );
    expect(texts.join('\n')).toContain('Recognized by Alex Chen');
    const [win, ...again] = (await wins()).filter((w) => w.text === 'Led my first incident alone.');
    expect(again).toEqual([]);
    expect(win).toMatchObject({ goalId: 'alex-oncall', recognizedBy: demoPeople.menteeAlex.id, shareInDigest: true });
    // The win's timeline entry is written with it.
    expect((await pairRows(server, demoPairIds.alex, 'journal|')).filter((e) => e.kind === 'win' && e.winId === win!.id)).toHaveLength(1);
  });

  test('records a mentor’s kudos without consent', async ({ me, wins }) => {
    const data = {
      [meInputs.pair]: demoPairIds.sam,
      [meInputs.text]: 'Facilitated the review without notes.',
      [meInputs.shareInDigest]: 'false',
    };
    const [attachment] = insertedCards(await me.submit(priya, meCommands.recognizeWin, data));
    const texts = textsOf(attachment.content);
    expect(texts.join('\n')).toContain('Recognized by Priya Raman');
    expect(texts).not.toContain(s.kudos.sharedInDigest);
    expect((await wins(demoPairIds.sam)).filter((w) => w.text === 'Facilitated the review without notes.')).toEqual([
      expect.objectContaining({ recognizedBy: demoPeople.mentor.id, shareInDigest: false }),
    ]);
  });

  test('refuses a bad win with the dialog again and records nothing', async ({ wins, me }) => {
    const before = { alex: (await wins()).length, sam: (await wins(demoPairIds.sam)).length };
    const cases: { user: TeamsUser; data: Record<string, unknown>; problem: string | RegExp }[] = [
      { user: priya, data: { [meInputs.text]: 'No plan chosen' }, problem: s.recognizeWin.pairError },
      {
        user: priya,
        data: {
          [meInputs.pair]: demoPairIds.alex,
          [meInputs.goal]: goalChoiceValue(demoPairIds.sam, 'sam-stakeholders'),
          [meInputs.text]: 'Mixed up',
        },
        problem: s.recognizeWin.goalOfOtherPair,
      },
      {
        user: priya,
        data: {
          [meInputs.pair]: demoPairIds.alex,
          [meInputs.goal]: goalChoiceValue(demoPairIds.alex, 'no-such-goal'),
          [meInputs.text]: 'Ghost goal',
        },
        problem: 'That goal is not part of this plan.',
      },
      {
        user: priya,
        data: { [meInputs.pair]: demoPairIds.alex, [meInputs.text]: 'Consent by proxy', [meInputs.shareInDigest]: 'true' },
        problem: /Only Alex Chen can agree/,
      },
      {
        user: priya,
        data: { [meInputs.pair]: demoPairIds.alex, [meInputs.text]: 'w'.repeat(WIN_TEXT_MAX + 1) },
        problem: new RegExp(String(WIN_TEXT_MAX)),
      },
      { user: priya, data: { [meInputs.pair]: demoPairIds.alex, [meInputs.text]: '' }, problem: 'Say what the win was.' },
      {
        user: jordan,
        data: { [meInputs.pair]: demoPairIds.alex, [meInputs.text]: 'Not my pair' },
        problem: 'There is no such mentoring plan, or it is not shared with you.',
      },
      { user: priya, data: { [meInputs.pair]: 'has/slash', [meInputs.text]: 'Bad id' }, problem: s.recognizeWin.pairError },
    ];
    for (const { user, data, problem } of cases) {
      const card = dialogOf(await me.submit(user, meCommands.recognizeWin, data));
      expect([...problemsIn(card), ...textsOf(card)].join('\n')).toMatch(problem);
    }
    expect((await wins()).length).toBe(before.alex);
    expect((await wins(demoPairIds.sam)).length).toBe(before.sam);
  });
});

describe('commands this version does not know', () => {
  test('answers with a sentence instead of failing', async ({ me }) => {
    const card = dialogOf(await me.fetchTask(priya, 'deleteEverything'));
    expect(textsOf(card)).toContain(s.unknownCommand);
    expect(textsOf(dialogOf(await me.submit(priya, 'deleteEverything', { x: 1 })))).toContain(s.unknownCommand);
  });

  test('does not act for someone Teams does not identify', async ({ me }) => {
    const card = dialogOf(await me.fetchTask({ id: '29:1anonymous' }, meCommands.sendFeedback));
    expect(textsOf(card)).toContain(s.notIdentified);
  });
});
