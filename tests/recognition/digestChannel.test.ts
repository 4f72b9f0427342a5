// Choosing the program channel, through the real /api/messages as Teams sends it: the app is added
// to a team, the bot posts the choice card in General, only a program manager's choice is stored,
// and the weekly digest then arrives in the chosen channel.
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { DIGEST_CHANNEL_INPUT, digestChannelVerbs } from '../../bot/cards/digestChannelCard';
import { programChannelTable } from '../../bot/storage/digestTable';
import { BOT, cardActionActivity, installActivity, postActivity, TEST_TENANT_ID, type TeamsUser } from '../support/botActivities';
import { expectValidCard } from '../support/cardSchema';
import { tablesOf } from '../support/testServer';
import { apiAs } from '../support/apiClient';
import { jobPaths } from '../../bot/api/jobRoutes';
import { serverTest } from '../support/fixtures';

const TEAM_ID = '19:cohort-general@thread.tacv2';
const JOBS_SECRET = 'digest-scheduler-secret-of-at-least-32-characters';
const WINS_CHANNEL = '19:cohort-wins@thread.tacv2';
const clock = { date: new Date('2026-11-18T12:00:00Z') };
const jordan: TeamsUser = { id: '29:1jordan', aadObjectId: demoPeople.manager.id, name: demoPeople.manager.displayName };
const alex: TeamsUser = { id: '29:1alex', aadObjectId: demoPeople.menteeAlex.id, name: demoPeople.menteeAlex.displayName };

const test = serverTest.override({ serverOptions: { now: () => clock.date, env: { JOBS_SECRET: JOBS_SECRET } } }).extend(
  'choose',
  ({ connector, server }) =>
    async function choose(user: TeamsUser, data: Record<string, unknown>) {
      const activity = inTeam(
        cardActionActivity({
          serviceUrl: connector.serviceUrl,
          user,
          conversationId: `${TEAM_ID};messageid=1700000000000`,
          conversationType: 'channel',
          verb: digestChannelVerbs.setChannel,
          data,
          replyToId: '1700000000000',
        }),
      );
      const res = await postActivity(server.baseUrl, activity);
      expect(res.status).toBe(200);
      const body = JSON.parse(res.text) as { statusCode: number; type: string; value: any };
      expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
      expectValidCard(body.value);
      return JSON.stringify(body.value);
    },
);

const inTeam = <T extends object>(activity: T) => ({
  ...activity,
  channelData: { team: { id: TEAM_ID, name: 'Mentoring cohort' }, tenant: { id: TEST_TENANT_ID } },
});

test.beforeAll(({ connector }) => {
  connector.setTeamChannels(TEAM_ID, [{ id: TEAM_ID }, { id: WINS_CHANNEL, name: 'Wins' }]);
});

describe('the program channel', () => {
  test('is offered in General when the app is added to a team, with the team’s channels', async ({ connector, server }) => {
    const activity = inTeam(
      installActivity({
        serviceUrl: connector.serviceUrl,
        user: jordan,
        conversationId: TEAM_ID,
        conversationType: 'channel',
        membersAdded: [{ id: BOT.id }],
      }),
    );
    expect((await postActivity(server.baseUrl, activity)).status).toBe(200);
    expect(connector.requests.map((r) => `${r.method} ${decodeURIComponent(r.path)}`)).toEqual([
      `GET /v3/teams/${TEAM_ID}/conversations`,
      `POST /v3/conversations/${TEAM_ID}/activities/${activity.id}`,
    ]);
    const card = connector.messages()[0].attachments[0].content;
    expectValidCard(card);
    expect(card.actions[0]).toMatchObject({
      type: 'Action.Execute',
      verb: digestChannelVerbs.setChannel,
      data: { programId: DEMO_PROGRAM_ID },
    });
    expect(JSON.stringify(card)).toContain(
      '{"title":"General","value":"19:cohort-general@thread.tacv2"},{"title":"Wins","value":"19:cohort-wins@thread.tacv2"}',
    );
    // Not a personal install: no conversation is stored for the person who added it.
    expect(await server.app.repositories.conversations.get(demoPeople.manager.id)).toBeUndefined();
  });

  test('is not set by someone who does not manage the program, nor to a channel outside the team', async ({ choose, server }) => {
    const refused = await choose(alex, { programId: DEMO_PROGRAM_ID, [DIGEST_CHANNEL_INPUT]: WINS_CHANNEL });
    expect(refused).toContain('Only a program manager can choose');
    const elsewhere = await choose(jordan, { programId: DEMO_PROGRAM_ID, [DIGEST_CHANNEL_INPUT]: '19:other-team@thread.tacv2' });
    expect(elsewhere).toContain('not (or no longer) part of this team');
    const noProgram = await choose(jordan, { programId: 'no-such-program', [DIGEST_CHANNEL_INPUT]: WINS_CHANNEL });
    expect(noProgram).toContain('not (or no longer) part of this team');
    expect(await programChannelTable(tablesOf(server)).get(DEMO_PROGRAM_ID)).toBeUndefined();
  });

  test('is set by a program manager, and the weekly digest of shared wins arrives there', async ({ choose, connector, server }) => {
    const done = await choose(jordan, { programId: DEMO_PROGRAM_ID, [DIGEST_CHANNEL_INPUT]: WINS_CHANNEL });
    expect(done).toContain('goes to **Wins**');
    // The card is replaced for everyone in the channel, not only for the manager.
    expect(connector.requests.some((r) => r.method === 'PUT' && r.replyToId === '1700000000000')).toBe(true);
    const stored = await programChannelTable(tablesOf(server)).get(DEMO_PROGRAM_ID);
    expect(stored?.value).toMatchObject({
      teamId: TEAM_ID,
      channelId: WINS_CHANNEL,
      channelName: 'Wins',
      tenantId: TEST_TENANT_ID,
      serviceUrl: connector.serviceUrl,
      setBy: demoPeople.manager.id,
    });

    // Alex shares a win from the tab; the Monday after, the digest is posted in the Wins channel.
    const res = await apiAs(server.baseUrl, demoPeople.menteeAlex.id).post(`/api/pairs/${demoPairIds.alex}/wins`, {
      text: 'Ran my first incident review',
      shareInDigest: true,
    });
    expect(res.status).toBe(201);
    connector.clear();
    clock.date = new Date('2026-11-23T09:05:00Z');
    expect((await server.app.digest.run()).outcomes.sent).toBe(1);
    const posted = connector.delivered();
    expect(posted.map((r) => r.conversationId)).toEqual([WINS_CHANNEL]);
    expect(JSON.stringify(posted[0]!.body)).toContain('Ran my first incident review');
  });

  test('runs from the scheduler’s job route with its secret only, and posts a week once', async ({ server, connector }) => {
    const run = (secret?: string) =>
      fetch(`${server.baseUrl}${jobPaths.digest}`, { method: 'POST', headers: secret ? { 'X-Jobs-Secret': secret } : {} });
    expect((await run()).status).toBe(401);
    expect((await run('wrong')).status).toBe(401);
    connector.clear();
    const res = await run(JOBS_SECRET);
    expect(res.status).toBe(200);
    // The week was posted by the run above: the job route finds nothing more to send.
    expect(await res.json()).toMatchObject({ week: '2026-11-16', outcomes: { sent: 0, already_sent: 1 } });
    expect(connector.delivered()).toEqual([]);
  });
});
