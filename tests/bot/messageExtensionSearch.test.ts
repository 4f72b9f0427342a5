// "My goals" (composeExtension/query) and the unfurling of plan links (composeExtension/queryLink)
// through the real /api/messages. A person finds and unfurls only what they may see; a link to a
// plan that is not theirs answers exactly like a link to nothing.
import { describe, expect } from 'vitest';
import { planUrl } from '../../bot/cards/planLinks';
import { en, fillPlaceholders } from '../../bot/cards/strings';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { meCommands, MY_GOALS_SEARCH_PARAMETER } from '../../bot/teams/messageExtensionCommands';
import type { TeamsUser } from '../support/botActivities';
import { insertedCards, textsOf } from '../support/messageExtensionDriver';
import { serverTest } from '../support/fixtures';

const alex: TeamsUser = { id: '29:1alex', aadObjectId: demoPeople.menteeAlex.id, name: demoPeople.menteeAlex.displayName };
const priya: TeamsUser = { id: '29:1priya', aadObjectId: demoPeople.mentor.id, name: demoPeople.mentor.displayName };
const sam: TeamsUser = { id: '29:1sam', aadObjectId: demoPeople.menteeSam.id, name: demoPeople.menteeSam.displayName };
const jordan: TeamsUser = { id: '29:1jordan', aadObjectId: demoPeople.manager.id, name: demoPeople.manager.displayName };
const PUBLIC_URL = 'https://mentoring.contoso.example';
const s = en.messageExtension;

const test = serverTest
  .override({ serverOptions: { env: { PUBLIC_URL } }, chat: { conversationId: '19:team-chat@thread.v2', conversationType: 'groupChat' } })
  .extend(
    'search',
    ({ me }) =>
      (user: TeamsUser, text?: string, paging?: { skip?: number; count?: number }) =>
        me.query(
          user,
          meCommands.myGoals,
          text === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: MY_GOALS_SEARCH_PARAMETER, value: text }],
          paging,
        ),
  );
const titlesOf = (attachments: any[]) => attachments.map((a) => a.content.body[0].text);

describe('My goals', () => {
  test('lists every goal of every plan the person is in when the pane opens, each with a preview', async ({ search }) => {
    const attachments = insertedCards(await search(priya));
    expect(titlesOf(attachments).sort()).toEqual(
      [
        'Lead incident response for the payments service',
        'Present at the engineering all-hands',
        'Run the quarterly metrics review with product leads',
        'Ship an evaluation harness for the support-answer model',
      ].sort(),
    );
    for (const a of attachments) {
      expect(a.preview).toMatchObject({
        contentType: 'application/vnd.microsoft.card.thumbnail',
        content: { title: a.content.body[0].text },
      });
    }
  });

  test('shows a goal’s progress, due date, priority and the way to the plan', async ({ search }) => {
    const [goal, ...more] = insertedCards(await search(alex, 'incident'));
    expect(more).toEqual([]);
    const texts = textsOf(goal.content);
    expect(texts).toContain(fillPlaceholders(s.goalCard.owner, { mentee: 'Alex Chen', status: 'Active' }));
    expect(goal.content.body.find((e: any) => e.type === 'FactSet').facts).toEqual([
      { title: s.goalCard.progress, value: '0 → 1 → 4 incidents (25%)' },
      { title: s.goalCard.due, value: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      { title: s.goalCard.priority, value: 'Customer reliability' },
    ]);
    const [open] = goal.content.actions;
    expect(open).toMatchObject({ type: 'Action.OpenUrl', title: s.goalCard.openPlan });
    const context = JSON.parse(new URL(open.url).searchParams.get('context')!);
    expect(context).toEqual({ subEntityId: `plans/${demoPairIds.alex}/goals/alex-oncall` });
    expect(goal.preview.content.text).toContain('25%');
  });

  test('matches title or description, ignoring case', async ({ search }) => {
    expect(titlesOf(insertedCards(await search(alex, 'INCIDENT')))).toEqual(['Lead incident response for the payments service']);
    // "outage" is only in the all-hands goal's description.
    expect(titlesOf(insertedCards(await search(alex, 'Outage')))).toEqual(['Present at the engineering all-hands']);
  });

  test('pages as Teams asks, at most 25 at a time', async ({ search }) => {
    expect(insertedCards(await search(priya, '', { count: 2 }))).toHaveLength(2);
    expect(insertedCards(await search(priya, '', { skip: 3, count: 2 }))).toHaveLength(1);
    expect(insertedCards(await search(priya, '', { count: 500 }))).toHaveLength(4);
  });

  test('never finds another pair’s goals, and says when nothing matches', async ({ search }) => {
    expect(await search(sam, 'incident')).toEqual({
      composeExtension: { type: 'message', text: fillPlaceholders(s.myGoals.noMatch, { text: 'incident' }) },
    });
    expect(await search(jordan)).toEqual({ composeExtension: { type: 'message', text: s.myGoals.none } });
  });
});

describe('link unfurling', () => {
  test('unfurls a goal link into the goal card for the pair, and tells Teams not to cache it for others', async ({ me }) => {
    const body = await me.queryLink(alex, planUrl(PUBLIC_URL, { pairId: demoPairIds.alex, goalId: 'alex-eval' }));
    expect(body.cacheInfo).toEqual({ cacheType: 'no-cache' });
    const [card] = insertedCards(body);
    expect(card.content.body[0].text).toBe('Ship an evaluation harness for the support-answer model');
    expect(card.preview.content.title).toBe('Ship an evaluation harness for the support-answer model');
  });

  test('unfurls a plan link into the plan’s overview for its mentor', async ({ me }) => {
    const [card] = insertedCards(await me.queryLink(priya, `${planUrl(PUBLIC_URL, { pairId: demoPairIds.alex })}/`));
    const texts = textsOf(card.content);
    expect(texts).toContain(fillPlaceholders(s.planCard.title, { mentee: 'Alex Chen' }));
    expect(texts).toContain('Lead incident response for the payments service');
    expect(card.content.actions[0].url).toContain(encodeURIComponent(`"plans/${demoPairIds.alex}"`));
  });

  test('reveals nothing to someone else: the same empty answer as a link to nothing', async ({ me }) => {
    const empty = { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] }, cacheInfo: { cacheType: 'no-cache' } };
    const answers = await Promise.all([
      me.queryLink(sam, planUrl(PUBLIC_URL, { pairId: demoPairIds.alex })),
      me.queryLink(jordan, planUrl(PUBLIC_URL, { pairId: demoPairIds.alex, goalId: 'alex-oncall' })),
      me.queryLink(alex, planUrl(PUBLIC_URL, { pairId: 'no-such-pair' })),
      me.queryLink(alex, planUrl(PUBLIC_URL, { pairId: demoPairIds.alex, goalId: 'sam-stakeholders' })),
      me.queryLink(alex, `${PUBLIC_URL}/plans/${demoPairIds.alex}/milestones`),
      me.queryLink(alex, `https://elsewhere.example/plans/${demoPairIds.alex}`),
      me.queryLink(alex, 'not a url'),
      me.queryLink({ id: '29:1unknown' }, planUrl(PUBLIC_URL, { pairId: demoPairIds.alex })),
    ]);
    for (const answer of answers) expect(answer).toEqual(empty);
  });
});
