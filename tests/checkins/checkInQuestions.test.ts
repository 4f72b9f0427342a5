// The check-in card asks the program's questions as the program had them when the check-in was
// created, and keeps asking (and showing the answers under) those questions after the program
// changes them. The setup preview lists the same questions as the card (checkInCardQuestions).
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { checkInCard, checkInInputs, checkInVerbs } from '../../bot/cards/checkInCard';
import { checkInTable } from '../../bot/storage/checkInTable';
import { paths, pathFor } from '../../shared/api';
import { checkInCardQuestions, programQuestionAnswers } from '../../shared/checkins/checkInQuestions';
import { defaultCheckInQuestions } from '../../shared/program';
import { cardActionActivity, installActivity, messageActivity, postActivity, type TeamsUser } from '../support/botActivities';
import { expectValidCard } from '../support/cardSchema';
import { serverTest } from '../support/fixtures';
import { tablesOf } from '../support/testServer';

const pairId = demoPairIds.alex;
const alex: TeamsUser = { id: '29:1alex', aadObjectId: demoPeople.menteeAlex.id, name: demoPeople.menteeAlex.displayName };
const conversationId = 'a:alex-questions';
const ownQuestion = 'What did you learn from a colleague?';

type CardElement = { type: string; id?: string; label?: string; text?: string };
const labelsOf = (card: { body: CardElement[] }) =>
  card.body.filter((e) => e.type.startsWith('Input.') && !e.id?.startsWith('goal.')).map((e) => e.label);
const textsOf = (card: { body: CardElement[] }) => card.body.flatMap((e) => (e.type === 'TextBlock' ? [e.text] : []));

describe('the card’s questions', () => {
  test('are the defaults with their own fields, goal progress and confidence first; the preview lists the same', () => {
    expect(checkInCardQuestions(defaultCheckInQuestions).map((q) => q.kind)).toEqual([
      'goals',
      'confidence',
      'wins',
      'blockers',
      'nextSteps',
      'needHelpWith',
    ]);
    const questions = ['What is blocking you?', ownQuestion, 'How confident are you about the next period (1-5)?'];
    const listed = checkInCardQuestions(questions);
    expect(listed.map((q) => q.text)).toEqual([defaultCheckInQuestions[0], questions[2], questions[0], ownQuestion]);
    expect(listed.find((q) => q.text === ownQuestion)).toEqual({ kind: 'text', text: ownQuestion, index: 1 });
    const card = checkInCard({ pairId, slot: '2026-03-02', questions, mentorName: 'Priya Raman', goals: [] });
    expectValidCard(card);
    // The card asks exactly what the preview lists, in its order: the goals' heading, then one input per question.
    expect([textsOf(card as never).find((t) => t === listed[0]!.text), ...labelsOf(card as never)]).toEqual(listed.map((q) => q.text));
    expect((card.body as CardElement[]).map((e) => e.id)).toContain(checkInInputs.question(1));
  });
});

describe('the answers to the program’s own questions', () => {
  const answer = { goals: [], confidence: 3, wins: '', blockers: '', nextSteps: '', needHelpWith: '' };

  test('come with the question as the check-in asked it, in the order it asked them', () => {
    const questions = [defaultCheckInQuestions[0]!, ownQuestion, 'What is blocking you?', 'Who helped you most?'];
    const responses = [
      { index: 3, answer: 'Sam.' },
      { index: 1, answer: 'How Sam runs a retro.' },
    ];
    expect(programQuestionAnswers({ questions, answer: { ...answer, responses } })).toEqual([
      { question: ownQuestion, answer: 'How Sam runs a retro.' },
      { question: 'Who helped you most?', answer: 'Sam.' },
    ]);
  });

  test('leave out blank answers, answers naming no free-text question of the check-in, and unanswered check-ins', () => {
    const responses = [
      { index: 1, answer: '  ' },
      { index: 9, answer: 'Asked of another check-in.' },
    ];
    expect(programQuestionAnswers({ questions: [defaultCheckInQuestions[0]!, ownQuestion], answer: { ...answer, responses } })).toEqual([]);
    // A check-in stored before questions were has the default ones, whose answers have their own fields.
    expect(programQuestionAnswers({ answer: { ...answer, responses: [{ index: 2, answer: 'Shipped it.' }] } })).toEqual([]);
    expect(programQuestionAnswers({ questions: [ownQuestion] })).toEqual([]);
  });
});

const test = serverTest;

describe('a check-in', () => {
  test('asks the program’s questions when it is created, and keeps them after the program changes', async ({
    server,
    connector,
    jordan,
  }) => {
    await postActivity(server.baseUrl, installActivity({ serviceUrl: connector.serviceUrl, user: alex, conversationId }));
    const settingsPath = pathFor(paths.programSettings, { programId: DEMO_PROGRAM_ID });
    async function setQuestions(checkInQuestions: string[]) {
      const current = await jordan().get(settingsPath);
      const { id: _id, tenantId: _tenantId, ...settings } = current.body.value;
      expect((await jordan().put(settingsPath, { ...settings, checkInQuestions }, current.body.etag)).status).toBe(200);
    }
    async function checkInCardNow() {
      connector.clear();
      const res = await postActivity(
        server.baseUrl,
        messageActivity({ serviceUrl: connector.serviceUrl, user: alex, text: 'check in', conversationId }),
      );
      expect(res.status).toBe(200);
      const card = connector.messages()[0]!.attachments![0]!.content as { body: CardElement[]; actions: { data: { slot: string } }[] };
      expectValidCard(card);
      return card;
    }

    const programQuestions = [defaultCheckInQuestions[0]!, defaultCheckInQuestions[1]!, ownQuestion, 'What is blocking you?'];
    await setQuestions(programQuestions);
    const slot = (await checkInCardNow()).actions[0]!.data.slot;
    // A check-in the demo seeded for this period keeps the questions it had; start this one afresh.
    const checkIns = checkInTable(tablesOf(server));
    const seeded = await checkIns.get(pairId, slot);
    if (seeded && !seeded.value.questions) {
      await tablesOf(server).plans.deleteEntity(pairId, `checkin|${slot}`);
    }
    const card = await checkInCardNow();
    expect(labelsOf(card)).toEqual([defaultCheckInQuestions[1], ownQuestion, 'What is blocking you?']);
    expect(card.body.map((e) => e.id)).not.toContain(checkInInputs.wins);
    expect((await checkIns.get(pairId, slot))!.value.questions).toEqual(programQuestions);

    // The program rewrites its questions: this period's check-in still asks what it asked.
    await setQuestions(['Something else entirely?']);
    expect(labelsOf(await checkInCardNow())).toEqual([defaultCheckInQuestions[1], ownQuestion, 'What is blocking you?']);

    // The answer to the program's own question is stored under it and shown with its words.
    const res = await postActivity(
      server.baseUrl,
      cardActionActivity({
        serviceUrl: connector.serviceUrl,
        user: alex,
        conversationId,
        verb: checkInVerbs.submit,
        data: { pairId, slot, [checkInInputs.confidence]: '4', [checkInInputs.question(2)]: 'How Sam runs a retro.' },
      }),
    );
    const summary = JSON.parse(res.text) as { value: { body: CardElement[] } };
    expect(JSON.stringify(summary.value)).toContain(ownQuestion);
    expect(JSON.stringify(summary.value)).toContain('How Sam runs a retro.');
    const stored = (await checkIns.get(pairId, slot))!.value;
    expect(stored.answer?.responses).toEqual([{ index: 2, answer: 'How Sam runs a retro.' }]);
  });
});
