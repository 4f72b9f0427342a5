// Storage goes down under a running bot: every message extension invoke still answers, in time and
// politely — a dialog, a sentence, an empty unfurl — never an error or a 501 ("Unable to reach app").
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goalChoiceValue, meInputs } from '../../bot/cards/messageExtensionForms';
import { en } from '../../bot/cards/strings';
import { parseConfig } from '../../bot/config';
import { startAzurite, type EmbeddedAzurite } from '../../bot/dev/azurite';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { createLogger } from '../../bot/log';
import { createApp } from '../../bot/server';
import { meCommands, MY_GOALS_SEARCH_PARAMETER } from '../../bot/teams/messageExtensionCommands';
import type { TeamsUser } from '../support/botActivities';
import { dialogOf, messageExtensionDriver, textsOf } from '../support/messageExtensionDriver';
import { startRecordingConnector, type RecordingConnector } from '../support/recordingConnector';
import type { TestServer } from '../support/testServer';

// Its own Azurite, so the test can stop storage under the running server.
let azurite: EmbeddedAzurite;
let connector: RecordingConnector;
let server: Server;
let baseUrl: string;
const logLines: string[] = [];
const priya: TeamsUser = { id: '29:1priya', aadObjectId: demoPeople.mentor.id, name: demoPeople.mentor.displayName };
const me = messageExtensionDriver(() => ({ baseUrl }) as TestServer, () => connector, { conversationId: '19:chat@thread.v2', conversationType: 'groupChat' });

beforeAll(async () => {
  azurite = await startAzurite();
  connector = await startRecordingConnector();
  const config = parseConfig({ PORT: '0', STORAGE_CONNECTION_STRING: azurite.connectionString, PUBLIC_URL: 'https://mentoring.contoso.example' });
  const { app } = await createApp(config, { connectionString: azurite.connectionString }, { log: createLogger('debug', (l) => logLines.push(l)) });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  await azurite.close();
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await connector.close();
});

describe('message extension during a storage outage', () => {
  it('answers every invoke politely and writes nothing of what was typed to the log', async () => {
    for (const commandId of [meCommands.sendFeedback, meCommands.recognizeWin, meCommands.requestFeedback]) {
      expect(textsOf(dialogOf(await me.fetchTask(priya, commandId)))).toContain(en.messageExtension.unavailable);
    }
    const secret = 'a private note about Alex';
    const submitted = dialogOf(await me.submit(priya, meCommands.sendFeedback, { [meInputs.goal]: goalChoiceValue(demoPairIds.alex, 'alex-oncall'), [meInputs.text]: secret }));
    expect(textsOf(submitted)).toContain(en.messageExtension.unavailable);
    expect(await me.query(priya, meCommands.myGoals, [{ name: MY_GOALS_SEARCH_PARAMETER, value: 'incident' }])).toEqual({
      composeExtension: { type: 'message', text: en.messageExtension.unavailable },
    });
    expect(await me.queryLink(priya, `https://mentoring.contoso.example/plans/${demoPairIds.alex}`)).toEqual({
      composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] },
      cacheInfo: { cacheType: 'no-cache' },
    });
    expect(logLines.some((l) => JSON.parse(l).msg === 'message extension failed')).toBe(true);
    expect(logLines.join('\n')).not.toContain(secret);
  });
});
