// Tenant isolation: with two tenants allowed, everything of the first (its program, people, pairs,
// feedback requests) is out of reach from the second, through the API and the bot alike. A record of
// another tenant answers exactly as a missing one, an object id names someone else in another
// tenant, and an app role counts only in the tenant that granted it.
import { randomUUID } from 'node:crypto';
import { describe, expect } from 'vitest';
import { DEMO_PROGRAM_ID, DEMO_TENANT_ID, demoPairIds, demoPeople, demoProgram } from '../../bot/dev/demoData';
import { PAIR_CHOICE_VERB } from '../../bot/cards/pairChoiceCard';
import { en } from '../../bot/cards/strings';
import { paths, pathFor } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import { PROGRAM_MANAGER_ROLE } from '../../shared/policy';
import { BOT, installActivity, postActivity, type TeamsUser } from '../support/botActivities';
import { bearer } from '../support/entraTokens';
import { serverTest } from '../support/fixtures';
import { storageSnapshot } from '../support/storageSnapshot';
import type { TestServer } from '../support/testServer';

const alexInTeams: TeamsUser = { id: '29:1alex-teams-channel-id', aadObjectId: demoPeople.menteeAlex.id, name: 'Alex Chen' };

const test = serverTest
  /** A server trusting the local Entra, with the demo data in its first tenant and a second tenant allowed. */
  .extend('api', { scope: 'file' }, ({ startServer, entra }) =>
    startServer({ env: { ...entra.productionEnv, RATE_LIMIT_WRITES_PER_MINUTE: '10000' } }),
  )
  .extend(
    'send',
    ({ api }) =>
      async function send(method: string, path: string, token: string, body?: unknown, etag?: string) {
        const res = await fetch(`${api.baseUrl}${path}`, {
          method,
          headers: {
            ...bearer(token),
            ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
            ...(etag ? { 'If-Match': etag } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : undefined };
      },
  );

const programPath = pathFor(paths.programSettings, { programId: DEMO_PROGRAM_ID });

/** The program's settings as its manager reads them, ready to be sent back. */
async function settingsOfDemoProgram(send: (m: string, p: string, t: string) => Promise<{ body: any }>, managerToken: string) {
  const { body } = await send('GET', programPath, managerToken);
  const { id: _id, tenantId: _tenantId, ...settings } = body.value;
  return { settings, etag: body.etag as string };
}

describe('programs', () => {
  test('a manager by app role in the second tenant neither reads nor replaces the first tenant’s program', async ({ entra, api, send }) => {
    const oid = randomUUID(); // enrolled nowhere
    const foreignManager = await entra.mint({ oid, tid: entra.secondTenantId, roles: [PROGRAM_MANAGER_ROLE] });
    const homeManager = await entra.mint({ oid, roles: [PROGRAM_MANAGER_ROLE] });
    const { settings, etag } = await settingsOfDemoProgram(send, homeManager);

    expect((await send('GET', programPath, foreignManager)).status).toBe(404);
    const before = await storageSnapshot(api);
    const replaced = await send('PUT', programPath, foreignManager, { ...settings, name: 'Taken over', managerIds: [oid] }, etag);
    expect(replaced.status).toBe(404);
    expect(await storageSnapshot(api)).toBe(before);

    // The same role in the program's own tenant is a manager's.
    expect((await send('GET', programPath, homeManager)).status).toBe(200);
  });

  test('a program of another tenant answers exactly as a program that does not exist', async ({ entra, send }) => {
    const foreignManager = await entra.mint({ tid: entra.secondTenantId, roles: [PROGRAM_MANAGER_ROLE] });
    const foreign = await send('GET', programPath, foreignManager);
    const missing = await send('GET', pathFor(paths.programSettings, { programId: 'no-such-program' }), foreignManager);
    expect(foreign).toEqual(missing);
  });

  test('being named a manager of the program counts only in its tenant', async ({ entra, send }) => {
    const jordanElsewhere = await entra.mint({ oid: demoPeople.manager.id, tid: entra.secondTenantId });
    expect((await send('GET', programPath, jordanElsewhere)).status).toBe(404);
    expect((await send('GET', programPath, await entra.mint({ oid: demoPeople.manager.id }))).status).toBe(200);
  });
});

describe('people and pairs', () => {
  test('the same object id in the second tenant is someone else: not enrolled, no plan', async ({ entra, send }) => {
    const alexElsewhere = await entra.mint({ oid: demoPeople.menteeAlex.id, tid: entra.secondTenantId });
    const planPath = pathFor(paths.plan, { pairId: demoPairIds.alex });
    expect((await send('GET', paths.me, alexElsewhere)).status).toBe(404);
    expect((await send('GET', planPath, alexElsewhere)).status).toBe(404);
    expect((await send('GET', pathFor(paths.wins, { pairId: demoPairIds.alex }), alexElsewhere)).status).toBe(404);

    const alex = await entra.mint({ oid: demoPeople.menteeAlex.id });
    expect((await send('GET', paths.me, alex)).body.person.displayName).toBe(demoPeople.menteeAlex.displayName);
    expect((await send('GET', planPath, alex)).status).toBe(200);
  });

  test('a feedback request names its respondent in the request’s tenant only', async ({ entra, send }) => {
    const alex = await entra.mint({ oid: demoPeople.menteeAlex.id });
    const created = await send('POST', pathFor(paths.feedbackRequests, { pairId: demoPairIds.alex }), alex, {
      goalId: 'alex-oncall',
      behaviors: ['Tenant behavior'],
      respondents: [{ personId: demoPeople.manager.id, displayName: demoPeople.manager.displayName, relation: 'supervisor' }],
      closesOn: addDays(todayIn('UTC', new Date()), 7),
    });
    expect(created.status).toBe(201);
    const requestId = created.body.request.value.id as string;

    const jordan = await entra.mint({ oid: demoPeople.manager.id });
    const jordanElsewhere = await entra.mint({ oid: demoPeople.manager.id, tid: entra.secondTenantId });
    const listed = (token: string) =>
      send('GET', paths.myFeedbackRequests, token).then((r) => r.body.requests.map((q: { requestId: string }) => q.requestId));
    expect(await listed(jordan)).toContain(requestId);
    expect(await listed(jordanElsewhere)).toEqual([]);

    const answer = { ratings: { 'Tenant behavior': 4 }, example: 'An example.', suggestion: 'A suggestion.' };
    const answerPath = pathFor(paths.myFeedbackAnswer, { pairId: demoPairIds.alex, requestId });
    expect((await send('PUT', answerPath, jordanElsewhere, answer)).status).toBe(404);
    expect((await send('PUT', answerPath, jordan, answer)).status).toBe(200);
  });
});

describe('people search', () => {
  async function enrollInSecondTenant(api: TestServer, tenantId: string, displayName: string) {
    const person = {
      id: randomUUID(),
      tenantId,
      displayName,
      email: `${displayName.split(' ')[0]!.toLowerCase()}@fabrikam.example`,
      timeZone: 'UTC',
      workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
      mentorCapacity: 0,
    };
    await api.app.repositories.people.save(person);
    return person;
  }

  test('finds people of the caller’s own tenant only, without emails', async ({ entra, api, send }) => {
    const riley = await enrollInSecondTenant(api, entra.secondTenantId, 'Riley Brooks');
    const rowan = await enrollInSecondTenant(api, entra.secondTenantId, 'Rowan Price');
    const search = (token: string, text: string) => send('GET', `${paths.people}?search=${encodeURIComponent(text)}`, token);

    const alex = await search(await entra.mint({ oid: demoPeople.menteeAlex.id }), 'ri');
    expect(alex.status).toBe(200);
    expect(alex.body.people.map((p: { displayName: string }) => p.displayName)).toEqual([demoPeople.mentor.displayName]);

    const fromRiley = await search(await entra.mint({ oid: riley.id, tid: entra.secondTenantId }), 'r');
    expect(fromRiley.status).toBe(400);
    const rileyFinds = await search(await entra.mint({ oid: riley.id, tid: entra.secondTenantId }), 'ro');
    expect(rileyFinds.body.people.map((p: { id: string }) => p.id)).toEqual([rowan.id]);

    for (const p of [...alex.body.people, ...rileyFinds.body.people]) expect(p).not.toHaveProperty('email');
  });

  test('asks for at least two characters and never lists the whole directory', async ({ entra, send }) => {
    const alex = await entra.mint({ oid: demoPeople.menteeAlex.id });
    for (const query of ['', '?search=', '?search=a', '?search=%20p%20']) {
      const res = await send('GET', `${paths.people}${query}`, alex);
      expect(res.status, query).toBe(400);
    }
  });

  test('does not match on email addresses', async ({ entra, send }) => {
    const alex = await entra.mint({ oid: demoPeople.menteeAlex.id });
    const res = await send('GET', `${paths.people}?search=${encodeURIComponent('contoso.example')}`, alex);
    expect(res.body.people).toEqual([]);
  });
});

describe('the bot', () => {
  test('an activity from another tenant, with a mentee’s object id, opens nothing of the pair', async ({ bot, connector }) => {
    expect((await bot.say(alexInTeams, 'plan')).status).toBe(200);
    const home = JSON.stringify(connector.messages());
    expect(home).toContain(en.planSummary.title);
    connector.clear();

    const elsewhere = { tenantId: randomUUID() };
    expect((await bot.say(alexInTeams, 'plan', elsewhere)).status).toBe(200);
    const replies = JSON.stringify(connector.messages());
    expect(replies).not.toContain(en.planSummary.title);
    expect(replies).not.toContain('Lead incident response for the payments service');
  });

  test('a card action from another tenant changes nothing in the pair', async ({ server, bot }) => {
    const before = await storageSnapshot(server);
    const res = await bot.cardAction(
      alexInTeams,
      PAIR_CHOICE_VERB,
      { command: 'pause', pairId: demoPairIds.alex, args: '2 weeks' },
      { tenantId: randomUUID() },
    );
    expect(res.status).toBe(200);
    expect((await server.app.repositories.checkInSchedules.get(demoPairIds.alex))?.value.pausedUntil).toBeUndefined();
    expect(await storageSnapshot(server)).toBe(before);
  });

  test('a team of another tenant is offered none of the first tenant’s programs for its digest', async ({ server, connector }) => {
    const TEAM_ID = '19:tenant-team@thread.tacv2';
    connector.setTeamChannels(TEAM_ID, [{ id: TEAM_ID }]);
    const programName = demoProgram(todayIn('UTC', new Date())).name;
    const offered = async (tenantId: string) => {
      connector.clear();
      const activity = installActivity({
        serviceUrl: connector.serviceUrl,
        user: { id: '29:1jordan', aadObjectId: demoPeople.manager.id, name: 'Jordan Lee' },
        conversationId: TEAM_ID,
        conversationType: 'channel',
        tenantId,
        membersAdded: [{ id: BOT.id }],
      });
      const inTeam = { ...activity, channelData: { team: { id: TEAM_ID, name: 'Cohort' }, tenant: { id: tenantId } } };
      expect((await postActivity(server.baseUrl, inTeam)).status).toBe(200);
      return JSON.stringify(connector.messages());
    };
    expect(await offered(DEMO_TENANT_ID)).toContain(programName);
    expect(await offered(randomUUID())).not.toContain(programName);
  });
});

describe('your data', () => {
  test('the same object id in the second tenant downloads nothing of the first tenant’s person, and erasing changes nothing there', async ({
    entra,
    api,
    send,
  }) => {
    const foreignAlex = await entra.mint({ oid: demoPeople.menteeAlex.id, tid: entra.secondTenantId });
    const exported = await send('GET', paths.myDataExport, foreignAlex);
    expect(exported.status).toBe(200);
    const text = JSON.stringify(exported.body);
    expect(text).not.toContain(demoPeople.menteeAlex.displayName);
    expect(text).not.toContain(demoPairIds.alex);
    expect(text).not.toContain(DEMO_TENANT_ID);

    const before = await storageSnapshot(api);
    const erased = await send('DELETE', `${paths.me}?confirm=true`, foreignAlex);
    expect(erased.status).toBe(200);
    expect(erased.body).toEqual({ deletedRows: 0, rewrittenRows: 0, endedPairs: 0 });
    expect(await storageSnapshot(api)).toBe(before);
  });
});
