// Installing the app in personal scope, through the real /api/messages with the real Table Storage.
import { describe, expect } from 'vitest';
import { demoPeople } from '../../bot/dev/demoData';
import { welcomeCard } from '../../bot/cards/welcomeCard';
import { tabDeepLink } from '../../bot/teams/deepLinks';
import { BOT, installActivity, postActivity, TEST_TENANT_ID } from '../support/botActivities';
import { expectValidCard } from '../support/cardSchema';
import { serverTest } from '../support/fixtures';

const TEAMS_APP_ID = '6f1d9d2c-3c1e-4f55-9a57-0c5b8f6a1e01';
const PUBLIC_URL = 'http://localhost:3978';
const alex = { id: '29:1alex-teams-channel-id', aadObjectId: demoPeople.menteeAlex.id, name: demoPeople.menteeAlex.displayName };

const test = serverTest.override({ serverOptions: { env: { TEAMS_APP_ID, PUBLIC_URL } } });

describe('installation in personal scope', () => {
  test('stores the conversation reference under the Entra object id and sends the welcome card', async ({ connector, server }) => {
    const activity = installActivity({ serviceUrl: connector.serviceUrl, user: alex });

    const before = new Date().toISOString();
    expect((await postActivity(server.baseUrl, activity)).status).toBe(200);
    const after = new Date().toISOString();

    const stored = await server.app.repositories.conversations.get(demoPeople.menteeAlex.id);
    expect(stored).toEqual({
      personId: demoPeople.menteeAlex.id,
      tenantId: TEST_TENANT_ID,
      conversationId: activity.conversation.id,
      serviceUrl: connector.serviceUrl,
      reference: expect.objectContaining({
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        bot: BOT,
        user: alex,
        conversation: activity.conversation,
      }),
      updatedAt: expect.any(String),
    });
    // Stamped by the server's clock while the request ran.
    expect(stored!.updatedAt >= before && stored!.updatedAt <= after).toBe(true);

    expect(connector.requests).toHaveLength(1);
    const [reply] = connector.requests;
    expect(reply).toMatchObject({ method: 'POST', conversationId: activity.conversation.id, replyToId: activity.id });
    expect(reply!.body.attachments).toHaveLength(1);
    const attachment = reply!.body.attachments[0];
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment.content).toEqual(
      welcomeCard({ displayName: alex.name, links: { tab: tabDeepLink(TEAMS_APP_ID), browser: `${PUBLIC_URL}/` } }),
    );
    expectValidCard(attachment.content);
  });

  test('sends replies without a token while authentication is off (no app id)', async ({ server, connector }) => {
    await postActivity(server.baseUrl, installActivity({ serviceUrl: connector.serviceUrl, user: alex }));
    expect(connector.requests).toHaveLength(1);
    expect(connector.requests[0]!.authorization).toBeUndefined();
  });

  test('replaces the stored reference when the app is installed again', async ({ server, connector }) => {
    const sam = { id: '29:1sam', aadObjectId: demoPeople.menteeSam.id, name: demoPeople.menteeSam.displayName };
    await postActivity(server.baseUrl, installActivity({ serviceUrl: connector.serviceUrl, user: sam, conversationId: 'a:first' }));
    await postActivity(server.baseUrl, installActivity({ serviceUrl: connector.serviceUrl, user: sam, conversationId: 'a:second' }));
    expect((await server.app.repositories.conversations.get(demoPeople.menteeSam.id))?.conversationId).toBe('a:second');
  });

  test('falls back to the channel user id in development when there is no Entra object id (Agents Playground)', async ({
    server,
    connector,
  }) => {
    const playgroundUser = { id: '00000000-0000-0000-0000-0000000000011', name: 'Alex User' };
    await postActivity(server.baseUrl, installActivity({ serviceUrl: connector.serviceUrl, user: playgroundUser }));
    expect((await server.app.repositories.conversations.get(playgroundUser.id))?.personId).toBe(playgroundUser.id);
    expect(connector.requests).toHaveLength(1);
  });

  test('ignores members added that are not the bot', async ({ connector, server }) => {
    const manager = { id: '29:1jordan', aadObjectId: demoPeople.manager.id };
    const activity = installActivity({ serviceUrl: connector.serviceUrl, user: manager, membersAdded: [{ id: manager.id }] });
    expect((await postActivity(server.baseUrl, activity)).status).toBe(200);
    expect(await server.app.repositories.conversations.get(demoPeople.manager.id)).toBeUndefined();
    expect(connector.requests).toEqual([]);
  });

  test('does not greet or store in a group chat (the bot is personal only)', async ({ connector, server }) => {
    const mentor = { id: '29:1priya', aadObjectId: demoPeople.mentor.id };
    const activity = installActivity({
      serviceUrl: connector.serviceUrl,
      user: mentor,
      conversationType: 'groupChat',
      conversationId: '19:group@thread.v2',
    });
    expect((await postActivity(server.baseUrl, activity)).status).toBe(200);
    expect(await server.app.repositories.conversations.get(demoPeople.mentor.id)).toBeUndefined();
    expect(connector.requests).toEqual([]);
  });
});
