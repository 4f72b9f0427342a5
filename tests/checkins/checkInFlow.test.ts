// The check-in flow through the real /api/messages with the invoke activities Teams sends for
// Universal Actions; check-ins seeded through the repository, results read back from Azurite, and
// what the bot sends proactively (the mentor's summary, the comment to the mentee) recorded by the
// local connector.
import { describe, expect } from 'vitest';
import { odata } from '@azure/data-tables';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { checkInInputs, checkInVerbs } from '../../bot/cards/checkInCard';
import { MENTOR_COMMENT_INPUT } from '../../bot/cards/mentorCheckInCard';
import { en, fillPlaceholders } from '../../bot/cards/strings';
import { checkInTable } from '../../bot/storage/checkInTable';
import { addDays, todayIn } from '../../shared/dates';
import type { CheckInRepository } from '../../shared/repositories';
import { cardActionActivity, installActivity, messageActivity, postActivity, type TeamsUser } from '../support/botActivities';
import { expectValidCard } from '../support/cardSchema';
import { serverTest } from '../support/fixtures';
import { tablesOf } from '../support/testServer';

const pairId = demoPairIds.alex;
const alex: TeamsUser = { id: '29:1alex', aadObjectId: demoPeople.menteeAlex.id, name: demoPeople.menteeAlex.displayName };
const priya: TeamsUser = { id: '29:1priya', aadObjectId: demoPeople.mentor.id, name: demoPeople.mentor.displayName };
const sam: TeamsUser = { id: '29:1sam', aadObjectId: demoPeople.menteeSam.id, name: demoPeople.menteeSam.displayName };
const alexConversation = 'a:alex-personal';
const priyaConversation = 'a:priya-personal';

const test = serverTest
  .extend('checkIns', { scope: 'file' }, ({ server }): CheckInRepository => checkInTable(tablesOf(server)))
  /** Posts an Action.Execute as `user` and returns the invoke response Teams would get. */
  .extend(
    'act',
    ({ server, connector }) =>
      async function act(user: TeamsUser, verb: string, data: Record<string, unknown>, conversationId = alexConversation) {
        const res = await postActivity(
          server.baseUrl,
          cardActionActivity({ serviceUrl: connector.serviceUrl, user, conversationId, verb, data }),
        );
        expect(res.status).toBe(200);
        const body = JSON.parse(res.text) as { statusCode: number; type: string; value: any };
        expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
        expectValidCard(body.value);
        return body.value;
      },
  )
  .extend(
    'submit',
    ({ act }) =>
      (user: TeamsUser, slot: string, inputs: Record<string, string> = goodAnswer) =>
        act(user, checkInVerbs.submit, { pairId, slot, ...inputs }),
  )
  .extend(
    'journalRows',
    ({ server }) =>
      async function journalRows(slot: string) {
        const rows: Record<string, unknown>[] = [];
        const filter = odata`PartitionKey eq ${pairId} and RowKey ge ${'journal|'} and RowKey lt ${'journal}'}`;
        for await (const row of tablesOf(server).plans.listEntities({ queryOptions: { filter } })) {
          const entry = JSON.parse(String(row.data)) as Record<string, unknown>;
          if (entry.checkInSlot === slot) rows.push(entry);
        }
        return rows;
      },
  )
  .extend(
    'sentTo',
    ({ connector }) =>
      (conversationId: string) =>
        connector.messages().filter((m) => m.conversation?.id === conversationId),
  )
  .extend('say', ({ connector, server }) => async (user: TeamsUser, text: string, conversationId: string) => {
    const activity = messageActivity({ serviceUrl: connector.serviceUrl, user, text, conversationId });
    expect((await postActivity(server.baseUrl, activity)).status).toBe(200);
    return connector.messages();
  });

test.beforeAll(async ({ server, connector }) => {
  // Both people installed the app: the bot can reach them.
  await postActivity(server.baseUrl, installActivity({ serviceUrl: connector.serviceUrl, user: alex, conversationId: alexConversation }));
  await postActivity(server.baseUrl, installActivity({ serviceUrl: connector.serviceUrl, user: priya, conversationId: priyaConversation }));
});

const goodAnswer = {
  [checkInInputs.goalCurrent('alex-oncall')]: '2',
  [checkInInputs.goalCurrent('alex-eval')]: '180',
  [checkInInputs.goalStatus('alex-speaking')]: 'at_risk',
  [checkInInputs.confidence]: '4',
  [checkInInputs.wins]: 'Led my first incident review.',
  [checkInInputs.blockers]: 'No slot on the all-hands agenda yet.',
  [checkInInputs.nextSteps]: 'Ask the organizers.',
  [checkInInputs.needHelpWith]: 'An introduction to the all-hands organizers.',
};

const texts = (card: any): string[] =>
  JSON.stringify(card)
    .match(/"text":"(?:[^"\\]|\\.)*"/g)
    ?.map((t) => JSON.parse(t.slice(7)) as string) ?? [];

describe('answering a check-in card', () => {
  test('stores the answer and its journal entry, replaces the card with the summary and tells the mentor', async ({
    seedCheckIn,
    submit,
    checkIns,
    journalRows,
    sentTo,
  }) => {
    await seedCheckIn({ pairId, slot: '2026-01-05' });
    const card = await submit(alex, '2026-01-05');

    const stored = (await checkIns.get(pairId, '2026-01-05'))!.value;
    expect(stored).toMatchObject({ status: 'answered', answeredBy: demoPeople.menteeAlex.id, answeredAt: expect.any(String) });
    expect(stored.answer).toEqual({
      goals: expect.arrayContaining([
        { goalId: 'alex-oncall', current: 2 },
        { goalId: 'alex-eval', current: 180 },
        { goalId: 'alex-speaking', status: 'at_risk' },
      ]),
      confidence: 4,
      wins: 'Led my first incident review.',
      blockers: 'No slot on the all-hands agenda yet.',
      nextSteps: 'Ask the organizers.',
      needHelpWith: 'An introduction to the all-hands organizers.',
    });
    expect(await journalRows('2026-01-05')).toEqual([
      expect.objectContaining({
        kind: 'check_in',
        visibility: 'pair',
        authorId: demoPeople.menteeAlex.id,
        menteeConsented: false,
        at: stored.answeredAt,
      }),
    ]);

    // The card is replaced by a read-only summary of what was stored.
    expect(card.body[0].text).toBe(en.checkInSummary.title);
    expect(JSON.stringify(card)).not.toMatch(/Input\.|Action\.Execute/);
    expect(texts(card)).toEqual(expect.arrayContaining(['Led my first incident review.', 'An introduction to the all-hands organizers.']));

    // The mentor gets the summary card with the comment box, blockers first.
    const [toMentor, ...more] = sentTo(priyaConversation);
    expect(more).toEqual([]);
    const mentorCard = toMentor.attachments[0].content;
    expectValidCard(mentorCard);
    expect(mentorCard.body[2]).toMatchObject({ type: 'Container', style: 'attention' });
    expect(mentorCard.actions[0]).toMatchObject({ verb: checkInVerbs.comment, data: { pairId, slot: '2026-01-05' } });
    // The mentor can go straight to planning the next meeting: Teams drafts inside both working days.
    const meetingButtons = mentorCard.body.find((e: { type: string }) => e.type === 'ActionSet')?.actions ?? [];
    expect(meetingButtons.length).toBeGreaterThan(0);
    const draft = new URL(meetingButtons[0].url);
    expect(draft.origin + draft.pathname).toBe('https://teams.microsoft.com/l/meeting/new');
    expect(draft.searchParams.get('content')).toContain('Open blockers:');
  });

  test('moves the goals’ current values to what the check-in reports, with a history entry; an old card does not', async ({
    server,
    seedCheckIn,
    submit,
  }) => {
    const goalValue = async (goalId: string) =>
      (await server.app.repositories.plans.load(pairId))!.goals.find((g) => g.value.id === goalId)!.value;
    const before = await goalValue('alex-eval');
    // A card sent before the goal last changed: its number stays in the check-in only.
    await seedCheckIn({ pairId, slot: '2025-06-02' });
    await submit(alex, '2025-06-02');
    expect(await goalValue('alex-eval')).toEqual(before);

    // A card sent after it: the goal takes the reported value.
    await seedCheckIn({ pairId, slot: '2099-01-05' });
    await submit(alex, '2099-01-05');
    const after = await goalValue('alex-eval');
    expect(after).toMatchObject({ current: 180, revision: before.revision + 1, updatedBy: demoPeople.menteeAlex.id });
    const history = await server.app.repositories.plans.goalHistory(pairId, 'alex-eval');
    expect(history.find((r) => r.revision === after.revision)).toMatchObject({
      change: 'updated',
      reason: 'Check-in for the period starting 2099-01-05',
      fields: [{ field: 'current', from: before.current, to: 180 }],
    });
  });

  test('stores a retried submit once: same answer, same version, one journal entry, one message to the mentor', async ({
    seedCheckIn,
    submit,
    checkIns,
    journalRows,
    sentTo,
  }) => {
    await seedCheckIn({ pairId, slot: '2026-01-12' });
    const first = await submit(alex, '2026-01-12');
    const afterFirst = await checkIns.get(pairId, '2026-01-12');
    const second = await submit(alex, '2026-01-12');

    expect(await checkIns.get(pairId, '2026-01-12')).toEqual(afterFirst);
    expect(await journalRows('2026-01-12')).toHaveLength(1);
    expect(second).toEqual(first);
    expect(sentTo(priyaConversation)).toHaveLength(1);
  });

  test('keeps the first answer when a second, different one arrives, and says so', async ({
    seedCheckIn,
    submit,
    checkIns,
    journalRows,
  }) => {
    await seedCheckIn({ pairId, slot: '2026-01-19' });
    await submit(alex, '2026-01-19');
    const before = await checkIns.get(pairId, '2026-01-19');
    const card = await submit(alex, '2026-01-19', { ...goodAnswer, [checkInInputs.confidence]: '1' });

    expect(await checkIns.get(pairId, '2026-01-19')).toEqual(before);
    expect(texts(card)).toContain(en.checkInSummary.keptFirst);
    expect(await journalRows('2026-01-19')).toHaveLength(1);
  });

  test('stores a late answer to an old card under its own slot, also when that slot was marked missed', async ({
    seedCheckIn,
    submit,
    checkIns,
  }) => {
    await seedCheckIn({ pairId, slot: '2026-02-02', missed: true });
    await seedCheckIn({ pairId, slot: '2026-02-16' });
    await submit(alex, '2026-02-02');

    expect((await checkIns.get(pairId, '2026-02-02'))!.value).toMatchObject({
      status: 'answered',
      answeredAt: expect.any(String),
      answer: expect.objectContaining({ confidence: 4 }),
    });
    expect((await checkIns.get(pairId, '2026-02-16'))!.value).toMatchObject({ status: 'sent' });
    expect((await checkIns.get(pairId, '2026-02-16'))!.value.answer).toBeUndefined();
  });

  test('refuses invalid input with the card again, the typed values kept and what to fix, and stores nothing', async ({
    seedCheckIn,
    checkIns,
    submit,
    journalRows,
    sentTo,
  }) => {
    await seedCheckIn({ pairId, slot: '2026-03-02' });
    const before = await checkIns.get(pairId, '2026-03-02');
    const card = await submit(alex, '2026-03-02', {
      ...goodAnswer,
      [checkInInputs.confidence]: '',
      [checkInInputs.goalCurrent('alex-eval')]: 'lots',
      [checkInInputs.wins]: 'x'.repeat(1_001),
    });

    expect(await checkIns.get(pairId, '2026-03-02')).toEqual(before);
    expect(await journalRows('2026-03-02')).toEqual([]);
    expect(sentTo(priyaConversation)).toEqual([]);

    expect(card.actions[0]).toMatchObject({ verb: checkInVerbs.submit, data: { pairId, slot: '2026-03-02' } });
    const problems = card.body.find((e: any) => e.type === 'Container' && e.style === 'attention');
    expect(problems.items.map((i: any) => i.text)).toEqual([
      en.checkIn.problemsTitle,
      '- Ship an evaluation harness for the support-answer model: Enter a number.',
      `- ${en.checkIn.confidenceError}`,
      `- ${en.checkIn.winsLabel}: Use at most 1000 characters.`,
    ]);
    expect(card.body).toContainEqual(expect.objectContaining({ id: checkInInputs.goalCurrent('alex-oncall'), value: 2 }));
    expect(card.body).toContainEqual(expect.objectContaining({ id: checkInInputs.goalStatus('alex-speaking'), value: 'at_risk' }));
    expect(card.body).toContainEqual(expect.objectContaining({ id: checkInInputs.nextSteps, value: 'Ask the organizers.' }));
  });

  test('refuses an answer from anyone but the mentee, and stores nothing', async ({ seedCheckIn, checkIns, submit, journalRows }) => {
    await seedCheckIn({ pairId, slot: '2026-03-16' });
    const before = await checkIns.get(pairId, '2026-03-16');

    const byMentor = await submit(priya, '2026-03-16');
    const byStranger = await submit(sam, '2026-03-16');

    expect(byMentor.body[0].text).toBe(en.refused.title);
    expect(texts(byMentor)).toContain(`Only ${demoPeople.menteeAlex.displayName} answers this check-in.`);
    expect(texts(byStranger)).toContain('There is no such mentoring plan, or it is not shared with you.');
    expect(await checkIns.get(pairId, '2026-03-16')).toEqual(before);
    expect(await journalRows('2026-03-16')).toEqual([]);
  });

  test('refuses a card whose data names no check-in', async ({ act }) => {
    const card = await act(alex, checkInVerbs.submit, { pairId: 'demo-pair-alex', slot: 'no/slot', ...goodAnswer });
    expect(texts(card)).toContain(en.refused.staleCard);
  });
});

describe('the mentor’s comment', () => {
  test('is stored on the check-in and sent to the mentee’s chat; a retry is stored and sent once', async ({
    seedCheckIn,
    submit,
    connector,
    act,
    checkIns,
    sentTo,
  }) => {
    await seedCheckIn({ pairId, slot: '2026-04-06' });
    await submit(alex, '2026-04-06');
    connector.clear();

    const data = { pairId, slot: '2026-04-06', [MENTOR_COMMENT_INPUT]: 'Great progress. I will introduce you to the organizers.' };
    const card = await act(priya, checkInVerbs.comment, data, priyaConversation);

    const stored = (await checkIns.get(pairId, '2026-04-06'))!.value;
    expect(stored.comments).toEqual([{ id: expect.any(String), at: expect.any(String), by: demoPeople.mentor.id, text: data.comment }]);
    const [toMentee, ...more] = sentTo(alexConversation);
    expect(more).toEqual([]);
    expectValidCard(toMentee.attachments[0].content);
    expect(texts(toMentee.attachments[0].content)).toContain(data.comment);
    expect(texts(card)).toEqual(
      expect.arrayContaining([data.comment, en.mentorCheckIn.commentSent.replace('{mentee}', demoPeople.menteeAlex.displayName)]),
    );

    await act(priya, checkInVerbs.comment, data, priyaConversation);
    expect((await checkIns.get(pairId, '2026-04-06'))!.value.comments).toHaveLength(1);
    expect(sentTo(alexConversation)).toHaveLength(1);
  });

  test('is refused from the mentee and when empty, with nothing stored', async ({ seedCheckIn, checkIns, act, connector }) => {
    await seedCheckIn({ pairId, slot: '2026-04-20' });
    const before = await checkIns.get(pairId, '2026-04-20');
    const byMentee = await act(alex, checkInVerbs.comment, { pairId, slot: '2026-04-20', comment: 'Me too' });
    const empty = await act(priya, checkInVerbs.comment, { pairId, slot: '2026-04-20', comment: '   ' }, priyaConversation);

    expect(texts(byMentee)).toContain(`Only ${demoPeople.mentor.displayName} comments on this check-in.`);
    expect(texts(empty)).toContain('Write a comment.');
    expect(empty.actions[0]).toMatchObject({ verb: checkInVerbs.comment });
    expect(await checkIns.get(pairId, '2026-04-20')).toEqual(before);
    expect(connector.messages()).toEqual([]);
  });
});

describe('commands', () => {
  test('`check in` sends this period’s check-in card and records it as sent, once', async ({ checkIns, connector, say }) => {
    const [reply] = await say(alex, 'check in', alexConversation);
    const card = reply.attachments[0].content;
    expectValidCard(card);
    const { slot } = card.actions[0].data;
    expect(card.actions[0]).toMatchObject({ verb: checkInVerbs.submit, data: { pairId } });
    expect(card.body).toContainEqual(expect.objectContaining({ id: checkInInputs.goalCurrent('alex-oncall'), type: 'Input.Number' }));
    expect((await checkIns.get(pairId, slot))!.value.status).toBe('sent');

    connector.clear();
    const [again] = await say(alex, 'Check in!', alexConversation);
    expect(again.attachments[0].content.actions[0].data.slot).toBe(slot);
  });

  test('`check in` from someone who is no mentee says so', async ({ say }) => {
    const [reply] = await say(priya, 'check in', priyaConversation);
    expect(reply.text).toBe(en.replies.noMenteePair);
  });

  test('`pause until` a date pauses the pair’s check-ins, `resume` ends the pause, `snooze` moves the next one', async ({
    server,
    connector,
    say,
  }) => {
    const until = addDays(todayIn(demoPeople.menteeAlex.timeZone, new Date()), 21);
    const [paused] = await say(alex, `pause until ${until}`, alexConversation);
    expect(paused.text).toBe(fillPlaceholders(en.schedule.paused, { date: until }));
    expect((await server.app.repositories.checkInSchedules.get(pairId))?.value.pausedUntil).toBe(until);

    connector.clear();
    const [resumed] = await say(alex, 'resume', alexConversation);
    expect(resumed.text).toMatch(/^Check-ins are on again\./);
    const afterResume = (await server.app.repositories.checkInSchedules.get(pairId))!.value;
    expect(afterResume.pausedUntil).toBeUndefined();

    connector.clear();
    const [snoozed] = await say(alex, 'snooze day', alexConversation);
    const afterSnooze = (await server.app.repositories.checkInSchedules.get(pairId))!.value;
    expect(afterSnooze.snoozedFrom).toBe(afterResume.nextDueAt);
    expect(Date.parse(afterSnooze.nextDueAt!)).toBeGreaterThan(Date.parse(afterResume.nextDueAt!));
    expect(snoozed.text).toMatch(/^Your next check-in now comes /);
  });

  test('`pause` without a usable date says what to type and changes nothing', async ({ server, connector, say }) => {
    const before = await server.app.repositories.checkInSchedules.get(pairId);
    // The example names a date two weeks after the mentee's today, never one that has passed.
    const usage = fillPlaceholders(en.schedule.pauseUsage, { date: addDays(todayIn(demoPeople.menteeAlex.timeZone, new Date()), 14) });
    expect((await say(alex, 'pause', alexConversation))[0].text).toBe(usage);
    connector.clear();
    expect((await say(alex, 'pause until 2020-01-01', alexConversation))[0].text).toContain(usage);
    connector.clear();
    expect((await say(alex, 'snooze forever', alexConversation))[0].text).toBe(en.schedule.snoozeUsage);
    expect(await server.app.repositories.checkInSchedules.get(pairId)).toEqual(before);
  });

  test('`plan` summarizes the active goals with a way to the tab', async ({ say }) => {
    const [reply] = await say(alex, 'plan', alexConversation);
    const card = reply.attachments[0].content;
    expectValidCard(card);
    expect(card.body[1].facts.map((f: { title: string }) => f.title)).toEqual(
      expect.arrayContaining(['Present at the engineering all-hands']),
    );
    expect(card.actions[0]).toMatchObject({ type: 'Action.OpenUrl', title: en.actions.openPlan });
  });
});
