// Storage goes down under a running bot: the user gets a plain apology, the log gets the error,
// and neither carries what the user wrote.
import { describe, expect } from 'vitest';
import { en } from '../../bot/cards/strings';
import { messageActivity, postActivity } from '../support/botActivities';
import { serverTest } from '../support/fixtures';

const logLines: string[] = [];
// Its own Azurite, so the test can stop storage under the running server.
const test = serverTest.override({ serverOptions: { storage: 'own', seed: false, logLines } });

describe('bot during a storage outage', () => {
  test('apologizes without details and logs the failure without the message text', async ({ azurite, connector, baseUrl }) => {
    await azurite.close();
    const activity = messageActivity({
      serviceUrl: connector.serviceUrl,
      user: { id: '29:1x', aadObjectId: '1c7a8d4f-2e3b-4d6c-8f9a-b2c3d4e5f6a7' },
      text: 'my private reflection',
    });

    expect((await postActivity(baseUrl, activity)).status).toBe(200);

    // A slow turn (storage retries) also shows Teams' typing indicator; the one message is the apology.
    const messages = connector.messages();
    expect(messages.map((a) => a.text)).toEqual([en.replies.somethingWentWrong]);
    const failures = logLines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'bot turn failed');
    expect(failures).toHaveLength(1);
    expect(logLines.join('\n')).not.toContain('my private reflection');
  });
});
