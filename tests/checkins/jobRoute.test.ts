// POST /api/jobs/checkins, the trigger for an external scheduler: only the shared secret opens it,
// and a run sends the demo mentee's due check-in through the real bot stack to the connector, once.
import { randomBytes } from 'node:crypto';
import { describe, expect } from 'vitest';
import { jobPaths } from '../../bot/api/jobRoutes';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { installActivity, postActivity } from '../support/botActivities';
import { fakeClock, type FakeClock } from '../support/checkIns';
import { serverTest } from '../support/fixtures';
import type { TestServer } from '../support/testServer';

const secret = randomBytes(24).toString('base64url');
const alex = { id: '29:1alex-teams-channel-id', aadObjectId: demoPeople.menteeAlex.id, name: demoPeople.menteeAlex.displayName };

const clock: FakeClock = fakeClock(new Date());

const trigger = (target: TestServer, headers: Record<string, string> = {}) =>
  fetch(`${target.baseUrl}${jobPaths.checkIns}`, { method: 'POST', headers }).then(async (res) => ({
    status: res.status,
    body: await res.json(),
  }));

const test = serverTest
  .override({ serverOptions: { env: { JOBS_SECRET: secret }, checkInSender: { clock, random: () => 0.5 } } })
  /** A server without JOBS_SECRET. */
  .extend('unconfigured', { scope: 'file' }, ({ startServer }) => startServer({ seed: false }));

describe('POST /api/jobs/checkins', () => {
  test('refuses a caller without the secret, with a wrong one, or with a user identity', async ({ server }) => {
    const callers: Record<string, string>[] = [
      {},
      { 'X-Jobs-Secret': 'not-the-secret' },
      { 'X-Jobs-Secret': `${secret}x` },
      { 'X-Dev-User': demoPeople.manager.id },
    ];
    for (const headers of callers) {
      const res = await trigger(server, headers);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
  });

  test('refuses everyone when no secret is configured', async ({ unconfigured }) => {
    expect((await trigger(unconfigured, { 'X-Jobs-Secret': secret })).status).toBe(401);
    expect((await trigger(unconfigured, { 'X-Jobs-Secret': '' })).status).toBe(401);
  });

  test('sends the due check-in to the installed mentee once, as an Adaptive Card', async ({ server, connector }) => {
    expect((await postActivity(server.baseUrl, installActivity({ serviceUrl: connector.serviceUrl, user: alex }))).status).toBe(200);
    connector.clear();
    const schedule = (await server.app.repositories.checkInSchedules.get(demoPairIds.alex))!.value;
    expect(schedule.nextDueAt).toEqual(expect.any(String));

    clock.set(new Date(Date.parse(schedule.nextDueAt!) - 60_000));
    expect((await trigger(server, { 'X-Jobs-Secret': secret })).body.outcomes.sent).toBe(0);
    clock.set(new Date(Date.parse(schedule.nextDueAt!) + 60_000));
    const first = await trigger(server, { 'X-Jobs-Secret': secret });
    expect(first.status).toBe(200);
    expect(first.body.outcomes.sent).toBe(1);
    expect((await trigger(server, { 'X-Jobs-Secret': secret })).body.outcomes.sent).toBe(0);

    const delivered = connector.delivered();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.conversationId).toBe(installActivity({ serviceUrl: connector.serviceUrl, user: alex }).conversation.id);
    expect(delivered[0]!.body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  test('resumes check-ins for a mentee marked unreachable once they install the app again', async ({ server, connector }) => {
    const pair = (await server.app.repositories.plans.load(demoPairIds.alex))!.mentorship.value;
    await server.app.checkIns.scheduling.markUnreachable(pair, 'BotNotInConversationRoster');
    expect((await server.app.repositories.checkInSchedules.get(demoPairIds.alex))!.value).toMatchObject({
      unreachable: { detail: 'BotNotInConversationRoster' },
    });

    expect((await postActivity(server.baseUrl, installActivity({ serviceUrl: connector.serviceUrl, user: alex }))).status).toBe(200);
    const schedule = (await server.app.repositories.checkInSchedules.get(demoPairIds.alex))!.value;
    expect(schedule.unreachable).toBeUndefined();
    expect(schedule.nextDueAt).toEqual(expect.any(String));
  });
});
