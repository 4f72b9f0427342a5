// A person in several pairs chooses the pair a command acts on: the command answers with a card
// listing their pairs, and the chosen button (an Action.Execute) runs it on that pair. Real
// activities through /api/messages; replies land in the recording connector.
import { describe, expect } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { PAIR_CHOICE_VERB, pairCommandAnswerCard } from '../../bot/cards/pairChoiceCard';
import { planSummaryCard } from '../../bot/cards/planSummaryCard';
import { refusedCard } from '../../bot/cards/refusedCard';
import { en, fillPlaceholders } from '../../bot/cards/strings';
import { tabDeepLink } from '../../bot/teams/deepLinks';
import { addDays, todayIn } from '../../shared/dates';
import { cardActionActivity, messageActivity, postActivity, type TeamsUser } from '../support/botActivities';
import { expectValidCard } from '../support/cardSchema';
import { serverTest } from '../support/fixtures';

const TEAMS_APP_ID = '6f1d9d2c-3c1e-4f55-9a57-0c5b8f6a1e01';
const PUBLIC_URL = 'http://localhost:3978';
const links = { tab: tabDeepLink(TEAMS_APP_ID), browser: `${PUBLIC_URL}/` };
const priya: TeamsUser = { id: '29:1priya', aadObjectId: demoPeople.mentor.id, name: demoPeople.mentor.displayName };
const alex: TeamsUser = { id: '29:1alex', aadObjectId: demoPeople.menteeAlex.id, name: demoPeople.menteeAlex.displayName };

/** The buttons of a "which mentorship?" card, by title. */
function choices(card: any): Map<string, Record<string, string>> {
  expect(card.body[0].text).toBe(en.pairChoice.title);
  const set = card.body.find((e: any) => e.type === 'ActionSet');
  return new Map(
    set.actions.map((a: any) => {
      expect(a).toMatchObject({ type: 'Action.Execute', verb: PAIR_CHOICE_VERB });
      return [a.title, a.data];
    }),
  );
}

const test = serverTest
  .override({ serverOptions: { env: { TEAMS_APP_ID, PUBLIC_URL } } })
  .extend(
    'say',
    ({ server, connector }) =>
      async function say(user: TeamsUser, text: string) {
        connector.clear();
        expect((await postActivity(server.baseUrl, messageActivity({ serviceUrl: connector.serviceUrl, user, text }))).status).toBe(200);
        return connector.messages();
      },
  )
  .extend(
    'choose',
    ({ server, connector }) =>
      async function choose(user: TeamsUser, data: Record<string, unknown>) {
        const res = await postActivity(
          server.baseUrl,
          cardActionActivity({ serviceUrl: connector.serviceUrl, user, verb: PAIR_CHOICE_VERB, data }),
        );
        expect(res.status).toBe(200);
        const body = JSON.parse(res.text) as { statusCode: number; type: string; value: any };
        expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
        expectValidCard(body.value);
        return body.value;
      },
  );

const alexPlan = fillPlaceholders(en.pairChoice.menteePlan, { mentee: 'Alex Chen' });
const samPlan = fillPlaceholders(en.pairChoice.menteePlan, { mentee: 'Sam Okafor' });

describe('a mentor of two mentees', () => {
  test('is asked which plan `plan` shows, and sees the one chosen', async ({ say, choose }) => {
    const [reply] = await say(priya, 'plan');
    const card = reply.attachments[0].content;
    expectValidCard(card);
    const buttons = choices(card);
    expect([...buttons.keys()]).toEqual([alexPlan, samPlan]);
    expect(buttons.get(samPlan)).toEqual({ command: 'plan', pairId: demoPairIds.sam, args: '' });

    const answer = await choose(priya, buttons.get(samPlan)!);
    expect(answer.body[0].text).toBe(fillPlaceholders(en.planSummary.titleFor, { mentee: 'Sam Okafor' }));
    expect(answer.body[1].facts.map((f: { title: string }) => f.title)).toEqual(['Run the quarterly metrics review with product leads']);
    expect(answer.actions).toEqual(planSummaryCard({ goals: [], links }).actions);
  });

  test('pauses the check-ins of the pair chosen, and only those', async ({ server, say, choose }) => {
    const [reply] = await say(priya, 'pause 2 weeks');
    const buttons = choices(reply.attachments[0].content);
    expect(buttons.get(alexPlan)).toEqual({ command: 'pause', pairId: demoPairIds.alex, args: '2 weeks' });

    const until = addDays(todayIn(demoPeople.mentor.timeZone, new Date()), 14);
    const answer = await choose(priya, buttons.get(alexPlan)!);
    expect(answer).toEqual(pairCommandAnswerCard(fillPlaceholders(en.schedule.paused, { date: until })));
    expect((await server.app.repositories.checkInSchedules.get(demoPairIds.alex))?.value.pausedUntil).toBe(until);
    expect((await server.app.repositories.checkInSchedules.get(demoPairIds.sam))?.value.pausedUntil).toBeUndefined();

    const [resumeQuestion] = await say(priya, 'resume');
    const resumed = await choose(priya, choices(resumeQuestion.attachments[0].content).get(alexPlan)!);
    expect(resumed.body[0].text).toMatch(/^Check-ins are on again/);
    expect((await server.app.repositories.checkInSchedules.get(demoPairIds.alex))?.value.pausedUntil).toBeUndefined();
  });

  test('is told what to type before being asked which pair', async ({ say }) => {
    const replies = await say(priya, 'pause');
    expect(replies).toHaveLength(1);
    // The example date is two weeks after Priya's today, never one that has passed.
    const usage = fillPlaceholders(en.schedule.pauseUsage, { date: addDays(todayIn(demoPeople.mentor.timeZone, new Date()), 14) });
    expect(replies[0]).toMatchObject({ text: usage });
  });
});

describe('a chosen pair', () => {
  test('is honoured only when it is one of the sender’s pairs', async ({ server, choose }) => {
    // Alex presses a button of Priya's card for Sam's pair: the card data names the pair, not who acts.
    const forged = await choose(alex, { command: 'pause', pairId: demoPairIds.sam, args: '2 weeks' });
    expect(forged).toEqual(refusedCard(en.pairChoice.gone));
    expect((await server.app.repositories.checkInSchedules.get(demoPairIds.sam))?.value.pausedUntil).toBeUndefined();
    expect(await choose(priya, { command: 'delete everything', pairId: demoPairIds.alex })).toEqual(refusedCard(en.pairChoice.gone));
  });

  test('is not asked for when there is only one', async ({ say }) => {
    const [reply] = await say(alex, 'plan');
    expect(reply.attachments[0].content.body[0].text).toBe(en.planSummary.title);
  });
});
