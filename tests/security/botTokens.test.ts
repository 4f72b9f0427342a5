// /api/messages with BOT_ID set: a forged or unverifiable Bot Framework token is the caller's fault
// (401) and a key set that cannot be fetched is a retryable 503; neither answer carries internal
// error text, and each is logged as one JSON line without a stack. The Bot Framework's key set is
// the local stand-in's (BOT_OPENID_METADATA_URL): nothing here reaches the internet.
import { randomUUID } from 'node:crypto';
import { describe, expect, vi } from 'vitest';
import { generateKeyPair, SignJWT } from 'jose';
import { messageActivity, postActivity } from '../support/botActivities';
import { serverTest } from '../support/fixtures';

const logLines: string[] = [];
const test = serverTest.override('serverOptions', ({ entra }) => ({ env: entra.productionEnv, logLines }));

const user = { id: '29:1forger', aadObjectId: randomUUID(), name: 'Forger' };

async function forged(issuer: string, audience: string): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT({ serviceurl: 'https://attacker.example/' })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: randomUUID() })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}

function expectCleanAnswer(text: string) {
  expect(text).not.toMatch(/ENOTFOUND|ECONNREFUSED|Signing Key|botframework\.com|Error:|\n\s+at |node_modules/);
}

/** The lines logged while `run` ran: one JSON line each, none with a stack. */
async function loggedDuring(run: () => Promise<void>): Promise<Array<Record<string, unknown>>> {
  const from = logLines.length;
  await run();
  return logLines.slice(from).map((l) => {
    expect(l).not.toContain('\n');
    return JSON.parse(l) as Record<string, unknown>;
  });
}

describe('the bot endpoint with Bot Framework authentication', () => {
  test('answers a forged, garbled or missing token with 401, no internal text, one JSON log line and no console stack', async ({
    server,
    connector,
    entra,
  }) => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const activity = messageActivity({ serviceUrl: connector.serviceUrl, user, text: 'plan' });
      const tokens = [
        `Bearer ${await forged('https://api.botframework.com', entra.botId)}`,
        `Bearer ${await forged(`https://sts.windows.net/${entra.tenantId}/`, entra.botId)}`,
        'Bearer not-a-token',
        'Basic dXNlcjpwYXNz',
        '',
      ];
      for (const authorization of tokens) {
        let res = { status: 0, text: '' };
        const lines = await loggedDuring(async () => {
          res = await postActivity(server.baseUrl, activity, authorization ? { Authorization: authorization } : {});
        });
        expect({ authorization: authorization.slice(0, 12), status: res.status }).toEqual({
          authorization: authorization.slice(0, 12),
          status: 401,
        });
        expectCleanAnswer(res.text);
        const refusals = lines.filter((l) => String(l.msg ?? l.message ?? '').match(/bot request/));
        expect(refusals).toHaveLength(1);
        expect(JSON.stringify(refusals[0])).not.toMatch(/\\n\s+at |stack/);
      }
      expect(consoleError).not.toHaveBeenCalled();
      expect(connector.requests).toHaveLength(0);
    } finally {
      consoleError.mockRestore();
    }
  });

  test('answers 503 when the key set cannot be fetched, without internal text', async ({ entra, startServer }) => {
    const lines: string[] = [];
    const unreachable = await startServer({
      env: { ...entra.productionEnv, BOT_OPENID_METADATA_URL: 'http://127.0.0.1:9/v1/.well-known/openidconfiguration' },
      logLines: lines,
    });
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const token = await forged('https://api.botframework.com', entra.botId);
      const res = await postActivity(
        unreachable.baseUrl,
        messageActivity({ serviceUrl: 'https://smba.trafficmanager.net/teams/', user, text: 'plan' }),
        {
          Authorization: `Bearer ${token}`,
        },
      );
      expect(res.status).toBe(503);
      expectCleanAnswer(res.text);
      expect(lines.every((l) => !l.includes('\n'))).toBe(true);
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
  });
});
