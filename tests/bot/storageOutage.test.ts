// Storage goes down under a running bot: the user gets a plain apology, the log gets the error,
// and neither carries what the user wrote.
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../bot/cards/strings';
import { parseConfig } from '../../bot/config';
import { startAzurite, type EmbeddedAzurite } from '../../bot/dev/azurite';
import { createLogger } from '../../bot/log';
import { createApp } from '../../bot/server';
import { messageActivity, postActivity } from '../support/botActivities';
import { startRecordingConnector, type RecordingConnector } from '../support/recordingConnector';

// Its own Azurite, so the test can stop storage under the running server.
let azurite: EmbeddedAzurite;
let connector: RecordingConnector;
let server: Server;
let baseUrl: string;
const logLines: string[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
  connector = await startRecordingConnector();
  const config = parseConfig({ PORT: '0', STORAGE_CONNECTION_STRING: azurite.connectionString });
  const { app } = await createApp(config, { connectionString: azurite.connectionString }, { log: createLogger('debug', (l) => logLines.push(l)) });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await connector.close();
});

describe('bot during a storage outage', () => {
  it('apologizes without details and logs the failure without the message text', async () => {
    await azurite.close();
    const activity = messageActivity({ serviceUrl: connector.serviceUrl, user: { id: '29:1x', aadObjectId: '1c7a8d4f-2e3b-4d6c-8f9a-b2c3d4e5f6a7' }, text: 'my private reflection' });

    expect((await postActivity(baseUrl, activity)).status).toBe(200);

    // A slow turn (storage retries) also shows Teams' typing indicator; the one message is the apology.
    const messages = connector.messages();
    expect(messages.map((a) => a.text)).toEqual([en.replies.somethingWentWrong]);
    const failures = logLines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'bot turn failed');
    expect(failures).toHaveLength(1);
    expect(logLines.join('\n')).not.toContain('my private reflection');
  });
});
