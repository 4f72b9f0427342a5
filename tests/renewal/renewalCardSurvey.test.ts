// The renewal card end to end, through the real server, /api/messages and the API: the program
// manager sets the cycle end ten days ahead, so the renewal is open and each installed person of
// an open pair gets the card at once, opening the plan's Renewal place; the program survey on it
// is answered through the same use case as the tab's, anonymously and counted once, a second
// answer refused politely, a missing rating sent back to fix with nothing stored.
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { pathFor, paths } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import type { RenewalView } from '../../shared/renewal/renewalService';
import type { SurveyView } from '../../shared/survey/surveyService';
import { expectValidCard } from '../support/cardSchema';
import { serverTest } from '../support/fixtures';
import { storageSnapshot } from '../support/storageSnapshot';
import { tablesOf } from '../support/testServer';

const test = serverTest.override('keepConnectorRecords', true);
const alexUser = { id: '29:alex-chen-teams', aadObjectId: demoPeople.menteeAlex.id, name: demoPeople.menteeAlex.displayName };
const priyaUser = { id: '29:priya-raman-teams', aadObjectId: demoPeople.mentor.id, name: demoPeople.mentor.displayName };
const alexPair = demoPairIds.alex;

type Card = { body: Record<string, unknown>[] };
const renewalCardsIn = (delivered: { conversationId: string; body: { attachments: { content: Card }[] } }[]) =>
  delivered
    .map((r) => ({ conversationId: r.conversationId, card: r.body.attachments[0]!.content }))
    .filter((c) => JSON.stringify(c.card).includes('renewal.survey'));

/** The survey's Action.Execute on a card: its verb and data. */
function surveyAction(card: Card): { verb: string; data: Record<string, string> } {
  const found = JSON.stringify(card).match(/\{"type":"Action\.Execute"[^{}]*"verb":"renewal\.survey"[^{}]*"data":(\{[^{}]*\})/);
  if (!found) throw new Error('no survey action on the card');
  return { verb: 'renewal.survey', data: JSON.parse(found[1]!) };
}

async function answerRows(server: Parameters<typeof tablesOf>[0]) {
  const rows: { rowKey: string; text: string }[] = [];
  for await (const row of tablesOf(server).surveys.listEntities<Record<string, unknown>>())
    if (String(row.rowKey).startsWith('answer|')) rows.push({ rowKey: String(row.rowKey), text: JSON.stringify(row) });
  return rows;
}

const invokeCard = (res: { status: number; text: string }) => {
  expect(res.status).toBe(200);
  const body = JSON.parse(res.text) as { statusCode: number; type: string; value: Card };
  expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  expectValidCard(body.value);
  return body.value;
};

describe('the renewal card', () => {
  test('goes to each person of an open pair once, as soon as the cycle end is two weeks away or less', async ({
    server,
    bot,
    connector,
    jordan,
    alex,
  }) => {
    expect((await bot.install(alexUser)).status).toBeLessThan(300);
    expect((await bot.install(priyaUser)).status).toBeLessThan(300);
    connector.clear();

    // Setting the cycle end files every pair's cards; ten days ahead, they are due at once.
    const settingsPath = pathFor(paths.programSettings, { programId: DEMO_PROGRAM_ID });
    const current = await jordan().get(settingsPath);
    const { id: _id, tenantId: _tenantId, ...settings } = current.body.value;
    const cycleEnd = addDays(todayIn('UTC', new Date()), 10);
    expect((await jordan().put(settingsPath, { ...settings, cycleEnd, renewalDate: cycleEnd }, current.body.etag)).status).toBe(200);
    await server.app.renewalNotices.run();
    await server.app.renewalNotices.run();

    // Alex and Priya once each; Sam's pair is only proposed (Sam has not accepted the agreement): nothing to renew.
    const cards = renewalCardsIn(connector.delivered());
    const mentionsPair = (pairId: string) =>
      cards.filter((c) => JSON.stringify(c.card).includes(encodeURIComponent(`plans/${pairId}/renewal`)));
    expect(cards).toHaveLength(2);
    expect(mentionsPair(alexPair)).toHaveLength(2);
    expect(mentionsPair(demoPairIds.sam)).toHaveLength(0);
    for (const { card } of cards) {
      expectValidCard(card);
      expect(JSON.stringify(card)).toContain(cycleEnd);
    }
    // The Renewal place it opens is open to decide.
    expect((await alex().get<RenewalView>(pathFor(paths.renewal, { pairId: alexPair }))).body).toMatchObject({ open: true, cycleEnd });
  });

  test('takes the survey answer once, anonymously and counted; a second is refused politely', async ({ server, bot, connector, alex }) => {
    const alexCard = renewalCardsIn(connector.delivered()).find(
      (c) => c.conversationId.includes('alex') && JSON.stringify(c.card).includes(encodeURIComponent(`plans/${alexPair}/renewal`)),
    )!;
    expect(alexCard).toBeDefined();
    const { verb, data } = surveyAction(alexCard.card);
    expect(data).toMatchObject({ programId: DEMO_PROGRAM_ID, pairId: alexPair });
    const surveyPath = pathFor(paths.survey, { programId: DEMO_PROGRAM_ID });
    expect((await alex().get<SurveyView>(surveyPath)).body.answered).toBe(false);

    // A rating left out: the card again, saying what to fix; nothing stored.
    const before = await storageSnapshot(server);
    const partial = invokeCard(await bot.cardAction(alexUser, verb, { ...data, 'rating.worth-time': '4', 'rating.goals-moved': '5' }));
    expect(JSON.stringify(partial)).toContain('I would recommend the program to a colleague.');
    expect(JSON.stringify(partial)).toContain('"style":"attention"');
    expect(await storageSnapshot(server)).toBe(before);

    const answers = {
      'rating.worth-time': '4',
      'rating.goals-moved': '5',
      'rating.recommend': '4',
      'text.change': 'More cross-team pairs.',
    };
    const thanked = invokeCard(await bot.cardAction(alexUser, verb, { ...data, ...answers }));
    expect(JSON.stringify(thanked)).toContain('Thank you: your answers are in, anonymously.');
    expect(JSON.stringify(thanked)).not.toContain('renewal.survey');
    expect((await alex().get<SurveyView>(surveyPath)).body.answered).toBe(true);

    // Stored once, naming nobody.
    const rows = await answerRows(server);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.text).toContain('More cross-team pairs.');
    for (const name of [demoPeople.menteeAlex.id, demoPeople.menteeAlex.displayName, alexUser.id, alexPair])
      expect(rows[0]!.text.toLowerCase()).not.toContain(name.toLowerCase());

    // The same card answered again (another client, a retry): refused politely, the first answer kept.
    const again = invokeCard(
      await bot.cardAction(alexUser, verb, { ...data, ...answers, 'rating.worth-time': '1', 'text.change': 'Changed.' }),
    );
    expect(JSON.stringify(again)).toContain('You answered this cycle’s program survey already.');
    const after = await answerRows(server);
    expect(after).toEqual(rows);
  });
});
