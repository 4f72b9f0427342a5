// A body over the limit is refused before anything reads it: 413 with the standard JSON error, and
// nothing stored. The API takes 100 kB, the bot endpoint 256 kB (Teams' own payloads stay far below).
import { describe, expect } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor, type PlanView } from '../../shared/api';
import { installActivity, postActivity } from '../support/botActivities';
import { serverTest } from '../support/fixtures';
const tooLarge = { error: { code: 'too_large', message: 'The request is too large.' } };

const test = serverTest;

describe('request body limits', () => {
  test('refuses an API body over 100 kB with 413 and stores nothing', async ({ alex }) => {
    const title = 'A goal with a novel attached';
    const res = await alex().post(pathFor(paths.goals, { pairId: demoPairIds.alex }), { title, description: 'x'.repeat(101 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body).toEqual(tooLarge);
    const plan = await alex().get<PlanView>(pathFor(paths.plan, { pairId: demoPairIds.alex }));
    expect(plan.body.goals.map((g) => g.value.title)).not.toContain(title);
  });

  test('refuses a bot activity over 256 kB with 413: nothing stored, nothing sent', async ({ connector, server }) => {
    const sam = { id: '29:1sam-body-limit', aadObjectId: demoPeople.menteeSam.id };
    const install = installActivity({ serviceUrl: connector.serviceUrl, user: sam });
    const padded = { ...install, channelData: { ...install.channelData, padding: 'x'.repeat(257 * 1024) } };

    const res = await postActivity(server.baseUrl, padded);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text)).toEqual(tooLarge);
    expect(await server.app.repositories.conversations.get(demoPeople.menteeSam.id)).toBeUndefined();
    expect(connector.requests).toEqual([]);

    // The same install within the limit is stored: the checks above would have seen a write.
    expect((await postActivity(server.baseUrl, install)).status).toBe(200);
    expect(await server.app.repositories.conversations.get(demoPeople.menteeSam.id)).toMatchObject({ personId: demoPeople.menteeSam.id });
  });
});
