// A program manager known by the Entra app role gets the same answer in the tab and in the bot.
// The bot sees no token: the API records the roles of each validated Teams SSO token (with the
// tenant that granted them) and the bot's actor reads them, in that tenant only. The tab side is the
// real identity middleware and program routes over the test server's repositories; the bot side is
// the real /api/messages.
import type { Server } from 'node:http';
import express from 'express';
import { describe, expect } from 'vitest';
import { entraIdentity } from '../../bot/api/entraIdentity';
import { programRoutes } from '../../bot/api/programRoutes';
import { DIGEST_CHANNEL_INPUT, digestChannelVerbs } from '../../bot/cards/digestChannelCard';
import { parseConfig, type EntraAuthConfig } from '../../bot/config';
import { DEMO_PROGRAM_ID } from '../../bot/dev/demoData';
import { en } from '../../bot/cards/strings';
import { createLogger } from '../../bot/log';
import { paths, pathFor } from '../../shared/api';
import { PROGRAM_MANAGER_ROLE } from '../../shared/policy';
import { createProgramService } from '../../shared/program/programService';
import { cardActionActivity, postActivity, type TeamsUser } from '../support/botActivities';
import { bearer } from '../support/entraTokens';
import { serverTest } from '../support/fixtures';

const TEAM_ID = '19:cohort-general@thread.tacv2';
const WINS_CHANNEL = '19:cohort-wins@thread.tacv2';
const OTHER_TENANT = '0b6c8a1e-7d2f-4c3b-9e5a-1f2d3c4b5a69';
// Holds the app role but is in no program's manager list, and has no People profile.
const morganId = 'c6d7e8f9-0a1b-4c2d-8e3f-4a5b6c7d8e9f';
const morgan: TeamsUser = { id: '29:1morgan', aadObjectId: morganId, name: 'Morgan Diaz' };

const test = serverTest
  /** The tab's side: the real identity middleware and program routes, trusting the local Entra. */
  .extend('tabUrl', { scope: 'file' }, async ({ server, entra }, { onCleanup }) => {
    const { auth } = parseConfig(entra.env);
    const app = express();
    app.use(express.json());
    app.use(entraIdentity(auth as EntraAuthConfig, server.app.repositories.people, createLogger('silent'), () => new Date()));
    app.use(programRoutes(createProgramService({ programs: server.app.repositories.programs, priorityUsage: async () => ({}) })));
    const tab = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    onCleanup(() => {
      tab.closeAllConnections();
      tab.close();
    });
    return `http://127.0.0.1:${(tab.address() as { port: number }).port}`;
  })
  /** The tab asks for the program's settings with a Teams SSO token carrying `roles`. */
  .extend(
    'tabSettingsStatus',
    ({ entra, tabUrl }) =>
      async function tabSettingsStatus(roles: string[]): Promise<number> {
        const token = await entra.mint({ oid: morganId, roles });
        const res = await fetch(`${tabUrl}${pathFor(paths.programSettings, { programId: DEMO_PROGRAM_ID })}`, { headers: bearer(token) });
        return res.status;
      },
  )
  /** Morgan picks the digest channel on the card in the team's General channel, from `tenantId`. */
  .extend(
    'botChoice',
    ({ server, connector, entra }) =>
      async function botChoice(tenantId = entra.tenantId): Promise<string> {
        const activity = cardActionActivity({
          serviceUrl: connector.serviceUrl,
          user: morgan,
          conversationId: `${TEAM_ID};messageid=1700000000000`,
          conversationType: 'channel',
          verb: digestChannelVerbs.setChannel,
          data: { programId: DEMO_PROGRAM_ID, [DIGEST_CHANNEL_INPUT]: WINS_CHANNEL },
        });
        const inTeam = {
          ...activity,
          conversation: { ...activity.conversation, tenantId },
          channelData: { team: { id: TEAM_ID }, tenant: { id: tenantId } },
        };
        const res = await postActivity(server.baseUrl, inTeam);
        expect(res.status).toBe(200);
        return JSON.stringify((JSON.parse(res.text) as { value: unknown }).value);
      },
  );

test.beforeAll(({ connector }) => {
  connector.setTeamChannels(TEAM_ID, [{ id: TEAM_ID }, { id: WINS_CHANNEL, name: 'Wins' }]);
});

const refused = 'Only a program manager can choose';
const accepted = 'goes to **Wins**';

describe('a program manager by app role', () => {
  test('is refused by the bot until a validated token has shown the role', async ({ botChoice }) => {
    expect(await botChoice()).toContain(refused);
  });

  test('gets the same answer in the tab and the bot once the tab has been opened', async ({
    server,
    entra,
    botChoice,
    tabSettingsStatus,
  }) => {
    expect(await tabSettingsStatus([PROGRAM_MANAGER_ROLE])).toBe(200);
    expect(await server.app.repositories.people.appRoles(morganId)).toMatchObject({
      tenantId: entra.tenantId,
      roles: [PROGRAM_MANAGER_ROLE],
    });
    expect(await botChoice()).toContain(accepted);
  });

  test('counts the role only in the tenant that granted it', async ({ botChoice }) => {
    // From another tenant the program is not even offered (tenant isolation): the choice is not taken.
    const answer = await botChoice(OTHER_TENANT);
    expect(answer).not.toContain(accepted);
    expect(answer).toContain(en.digestChannel.unknownChannel);
  });

  test('loses it in the bot as in the tab when a newer token no longer carries it', async ({ botChoice, tabSettingsStatus }) => {
    expect(await tabSettingsStatus([])).toBe(404);
    expect(await botChoice()).toContain(refused);
  });
});
