// Without BOT_ID the bot endpoint checks no token (a development run). It then answers only
// activities whose replies go back to this machine: an activity naming another serviceUrl would
// have the bot post someone's plan there, or store that URL as their conversation.
import { describe, expect } from 'vitest';
import { demoPeople } from '../../bot/dev/demoData';
import { installActivity, messageActivity, postActivity } from '../support/botActivities';
import { serverTest as test } from '../support/fixtures';

const alex = { id: '29:1alex', aadObjectId: demoPeople.menteeAlex.id, name: demoPeople.menteeAlex.displayName };

describe('the unauthenticated development bot', () => {
  test('refuses an activity whose serviceUrl is not on this machine, and stores nothing', async ({ server, connector }) => {
    for (const serviceUrl of ['https://attacker.example/', 'http://10.0.0.5:8080/', 'https://smba.trafficmanager.net/teams/']) {
      const install = await postActivity(server.baseUrl, installActivity({ serviceUrl, user: alex }));
      expect(install.status).toBe(403);
      const plan = await postActivity(server.baseUrl, messageActivity({ serviceUrl, user: alex, text: 'plan' }));
      expect(plan.status).toBe(403);
    }
    expect(await server.app.repositories.conversations.get(demoPeople.menteeAlex.id)).toBeUndefined();
    // Replies to this machine (the playground, the Teams test tool, the tests' connector) still work.
    const local = await postActivity(server.baseUrl, installActivity({ serviceUrl: connector.serviceUrl, user: alex }));
    expect(local.status).toBe(200);
    expect((await server.app.repositories.conversations.get(demoPeople.menteeAlex.id))?.serviceUrl).toBe(connector.serviceUrl);
  });
});
