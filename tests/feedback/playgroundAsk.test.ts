// `ask for feedback` as the Microsoft 365 Agents Playground (`npm run playground`) drives it: the
// users come from the config file the playground script writes, the sender is its current user,
// and the people picker answers with the picked users' channel ids (what the Playground's client
// sends for an Input.ChoiceSet with `choices.data` graph.microsoft.com/users). Member lookups answer
// 404, as the Playground's do for anyone outside a personal chat. The flow must finish there.
import { describe, expect } from 'vitest';
import { feedbackAskInputs, feedbackAskVerbs } from '../../bot/cards/feedbackAskCards';
import { en } from '../../bot/cards/strings';
import { demoPairIds } from '../../bot/dev/demoData';
import { playgroundConfig } from '../../bot/dev/playgroundConfig';
import { paths, pathFor, type FeedbackRequestView } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { apiAs } from '../support/apiClient';
import { cardActionActivity, messageActivity, postActivity, type TeamsUser } from '../support/botActivities';
import { expectValidCard } from '../support/cardSchema';
import { serverTest } from '../support/fixtures';
import { textsOf } from '../support/messageExtensionDriver';

/** The users of the Playground's config, read from the YAML the Playground reads. */
function usersOf(yaml: string): { current: TeamsUser; others: TeamsUser[] } {
  const field = (block: string, key: string) => JSON.parse(new RegExp(`^\\s*(?:- )?${key}: (.*)$`, 'm').exec(block)![1]!) as string;
  const account = (block: string): TeamsUser => ({
    id: field(block, 'id'),
    name: field(block, 'name'),
    aadObjectId: field(block, 'aadObjectId'),
  });
  const current = /currentUser:\n((?: {2}.*\n)+)/.exec(yaml)![1]!;
  const users = /users:\n((?: {2}.*\n)+)/.exec(yaml)![1]!;
  return {
    current: account(current),
    others: users
      .split(/^ {2}- /m)
      .filter((b) => b.trim() !== '')
      .map(account),
  };
}

const playground = usersOf(playgroundConfig());
const alex = playground.current;
const named = (name: string) => playground.others.find((u) => u.name === name)!;
const conversationId = 'personal-chat-alex';

const test = serverTest.extend(
  'act',
  ({ server, connector }) =>
    async function act(verb: string, data: Record<string, unknown>) {
      const res = await postActivity(
        server.baseUrl,
        cardActionActivity({ serviceUrl: connector.serviceUrl, user: alex, conversationId, verb, data }),
      );
      expect(res.status).toBe(200);
      return JSON.parse(res.text).value;
    },
);

describe('ask for feedback in the Agents Playground', () => {
  test('finishes with the people picked in the Playground’s people picker', async ({ server, connector, act }) => {
    await postActivity(
      server.baseUrl,
      messageActivity({ serviceUrl: connector.serviceUrl, user: alex, conversationId, text: 'ask for feedback' }),
    );
    const picker = connector.messages().at(-1).attachments[0].content;
    const oncall = picker.body.find((e: any) => e.id === feedbackAskInputs.goal).choices.find((c: any) => c.value.endsWith('/alex-oncall'));
    const form = await act(feedbackAskVerbs.chooseGoal, { [feedbackAskInputs.goal]: oncall.value });
    const create = form.actions[0];
    expect(create.verb).toBe(feedbackAskVerbs.create);

    // The picker's value: the picked users' channel ids, comma-joined.
    const picked = [named('Priya Raman'), named('Sam Okafor'), named('Jordan Lee')];
    const sent = await act(feedbackAskVerbs.create, {
      ...create.data,
      [feedbackAskInputs.behaviors]: '0,1',
      [feedbackAskInputs.respondents]: picked.map((u) => u.id).join(','),
      [feedbackAskInputs.relation]: 'peer',
      [feedbackAskInputs.closesOn]: addDays(todayIn('UTC', new Date()), 10),
      [feedbackAskInputs.anonymous]: 'true',
    });
    expect(textsOf(sent)).not.toContain(`- ${en.feedbackAsk.unknownPerson}`);
    expect(sent.body[0].text).toBe(en.feedbackAsk.sentTitle);
    expectValidCard(sent);

    const list = await apiAs(server.baseUrl, alex.aadObjectId).get<{ requests: FeedbackRequestView[] }>(
      pathFor(paths.feedbackRequests, { pairId: demoPairIds.alex }),
    );
    expect(list.body.requests[0]!.value).toMatchObject({
      anonymous: true,
      respondents: picked.map((u) => ({ personId: u.aadObjectId, displayName: u.name, relation: 'peer' })),
    });
  });

  test('still refuses a colleague the app does not know: names never come from the card', async ({ act }) => {
    const form = await act(feedbackAskVerbs.chooseGoal, { [feedbackAskInputs.goal]: `${demoPairIds.alex}/alex-oncall` });
    const refused = await act(feedbackAskVerbs.create, {
      ...form.actions[0].data,
      [feedbackAskInputs.behaviors]: '0',
      [feedbackAskInputs.respondents]: named('Megan Bowen').id,
      [feedbackAskInputs.relation]: 'peer',
      [feedbackAskInputs.closesOn]: addDays(todayIn('UTC', new Date()), 10),
    });
    expect(textsOf(refused)).toContain(`- ${en.feedbackAsk.unknownPerson}`);
  });
});
