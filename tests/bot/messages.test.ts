// Messages in the personal chat, through the real /api/messages; replies land in the recording connector.
import { describe, expect } from 'vitest';
import { demoPeople } from '../../bot/dev/demoData';
import { helpCard } from '../../bot/cards/helpCard';
import { en } from '../../bot/cards/strings';
import { botCommands } from '../../bot/teams/commands';
import { tabDeepLink } from '../../bot/teams/deepLinks';
import { todayIn } from '../../shared/dates';
import { mentionActivity, messageActivity, postActivity } from '../support/botActivities';
import { expectValidCard } from '../support/cardSchema';
import { serverTest } from '../support/fixtures';

const TEAMS_APP_ID = '6f1d9d2c-3c1e-4f55-9a57-0c5b8f6a1e01';
const PUBLIC_URL = 'http://localhost:3978';
const alex = { id: '29:1alex-teams-channel-id', aadObjectId: demoPeople.menteeAlex.id, name: demoPeople.menteeAlex.displayName };

const test = serverTest
  .override({ serverOptions: { env: { TEAMS_APP_ID, PUBLIC_URL } } })
  .extend('say', ({ server, connector }) => async (text: string) => {
    const activity = messageActivity({ serviceUrl: connector.serviceUrl, user: alex, text });
    expect((await postActivity(server.baseUrl, activity)).status).toBe(200);
    return activity;
  })
  // A whole production configuration, as it must be to start at all.
  .extend('secured', { scope: 'file' }, ({ startServer }) =>
    startServer({
      seed: false,
      env: {
        APP_MODE: 'production',
        PUBLIC_URL: 'https://mentoring.contoso.example',
        BOT_ID: '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        BOT_APP_TYPE: 'SingleTenant',
        BOT_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        BOT_PASSWORD: 'not-a-real-secret',
        AAD_CLIENT_ID: '8b2d3c4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e',
        AAD_ALLOWED_TENANTS: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      },
    }),
  );

const expectedHelpCard = () =>
  helpCard({
    commands: botCommands,
    links: { tab: tabDeepLink(TEAMS_APP_ID), browser: `${PUBLIC_URL}/` },
    today: todayIn('UTC', new Date()),
  });

describe('messages', () => {
  test('answers help with the help card, as a reply to the message', async ({ say, connector }) => {
    const activity = await say('help');
    expect(connector.requests).toHaveLength(1);
    const [reply] = connector.requests;
    expect(reply).toMatchObject({ method: 'POST', conversationId: activity.conversation.id, replyToId: activity.id });
    expect(reply!.body.attachments).toEqual([{ contentType: 'application/vnd.microsoft.card.adaptive', content: expectedHelpCard() }]);
    expectValidCard(reply!.body.attachments[0].content);
  });

  test.for(['HELP', '/help', 'help me please', '  Help!  '])('treats %j as the help command', async (text, { say, connector }) => {
    await say(text);
    expect(connector.messages().map((a) => a.attachments?.[0]?.content)).toEqual([expectedHelpCard()]);
  });

  test('answers anything else with a friendly pointer to help, not an error', async ({ say, connector }) => {
    await say('hello');
    expect(connector.messages()).toHaveLength(1);
    expect(connector.messages()[0]).toMatchObject({ type: 'message', text: en.replies.unknownCommand });
    expect(connector.messages()[0].attachments ?? []).toEqual([]);
  });

  test('routes on the command name, not on words inside the text', async ({ say, connector }) => {
    await say('can you help me with my goals?');
    expect(connector.messages().map((a) => a.text)).toEqual([en.replies.unknownCommand]);
  });

  test('strips the @mention of the bot before routing', async ({ connector, server }) => {
    const activity = mentionActivity({ serviceUrl: connector.serviceUrl, user: alex, textAfterMention: 'help' });
    expect((await postActivity(server.baseUrl, activity)).status).toBe(200);
    expect(connector.messages().map((a) => a.attachments?.[0]?.content)).toEqual([expectedHelpCard()]);
  });

  test('answers a message with no text (e.g. only an attachment) with the friendly pointer', async ({ connector, server }) => {
    const activity = { ...messageActivity({ serviceUrl: connector.serviceUrl, user: alex, text: '' }), text: undefined };
    expect((await postActivity(server.baseUrl, activity)).status).toBe(200);
    expect(connector.messages().map((a) => a.text)).toEqual([en.replies.unknownCommand]);
  });

  test('rejects a body that is not an activity with 400 and sends nothing', async ({ server, connector }) => {
    expect((await postActivity(server.baseUrl, [1, 2, 3])).status).toBe(400);
    expect((await postActivity(server.baseUrl, { text: 'no type' })).status).toBe(400);
    expect((await postActivity(server.baseUrl, '{"type": "message", ')).status).toBe(400);
    expect(connector.requests).toEqual([]);
  });
});

describe('authentication', () => {
  test('refuses an unsigned activity in production configuration', async ({ connector, secured }) => {
    const activity = messageActivity({ serviceUrl: connector.serviceUrl, user: alex, text: 'help' });
    expect((await postActivity(secured.baseUrl, activity)).status).toBe(401);
    expect(connector.requests).toEqual([]);
  });
});
