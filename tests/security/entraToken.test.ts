// Teams SSO through the real server in production configuration: tokens minted here, keys served
// by a local stand-in for Entra ID, validated by the server's own code on `GET /api/me`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../bot/dev/demoData';
import { paths, type MeView } from '../../shared/api';
import { apiAs } from '../support/apiClient';
import { bearer, secondsFromNow, startLocalEntra, type LocalEntra } from '../support/entraTokens';
import { startTestServer, type TestServer } from '../support/testServer';

const alex = demoPeople.menteeAlex;
let entra: LocalEntra;
let server: TestServer;
const logLines: string[] = [];

beforeAll(async () => {
  entra = await startLocalEntra();
  server = await startTestServer({ env: entra.productionEnv, logLines });
});
afterAll(async () => {
  await server?.close();
  await entra?.close();
});

const me = (headers: Record<string, string>) => apiAs(server.baseUrl).get(paths.me, headers);
const meWith = async (token: string) => me(bearer(token));

/** Refused: 401 `unauthenticated`, a bearer challenge, and neither the token nor internals in the answer. */
async function expectRefused(token: string) {
  const res = await meWith(token);
  expect(res.status).toBe(401);
  expect(res.body.error.code).toBe('unauthenticated');
  expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  expect(JSON.stringify(res.body)).not.toContain(token.split('.')[1]);
  expect(res.body.error.message).not.toMatch(/jwt|jws|claim|kid|ERR_/i);
  return res;
}

describe('a good Teams SSO token', () => {
  it('signs in the person it names: the me view is theirs', async () => {
    const res = await meWith(await entra.mint({ oid: alex.id }));
    expect(res.status).toBe(200);
    const view = res.body as MeView;
    expect(view.person).toMatchObject({ id: alex.id, displayName: alex.displayName });
    expect(view.authMode).toBe('entra');
    expect(view.pairs.map((p) => p.other.displayName)).toEqual(['Priya Raman']);
  });

  it('is also accepted with the application ID URI as its audience', async () => {
    expect((await meWith(await entra.mint({ oid: alex.id, aud: entra.applicationIdUri }))).status).toBe(200);
  });

  it('is accepted with other scopes beside access_as_user, and a little clock skew', async () => {
    const token = await entra.mint({ oid: alex.id, scp: 'User.Read access_as_user', exp: secondsFromNow(-20), nbf: secondsFromNow(20) });
    expect((await meWith(token)).status).toBe(200);
  });

  it('is the only identity: the development header and sign-in list are not there', async () => {
    expect((await apiAs(server.baseUrl, alex.id).get(paths.me)).status).toBe(401);
    const devPeople = await apiAs(server.baseUrl).get(paths.devPeople);
    expect(devPeople.status).toBe(401);
    expect(JSON.stringify(devPeople.body)).not.toContain(alex.displayName);
  });
});

describe('tokens that are refused', () => {
  it('signed by a key the key set does not hold', async () => {
    await expectRefused(await entra.mint({ oid: alex.id }, { key: 'unpublished' }));
  });

  it('signed by another key under a published key id', async () => {
    const publishedKid = JSON.parse(Buffer.from((await entra.mint()).split('.')[0]!, 'base64url').toString()).kid as string;
    await expectRefused(await entra.mint({ oid: alex.id }, { key: 'unpublished', kid: publishedKid }));
  });

  it('with a signature that does not match the payload', async () => {
    const [header, , signature] = (await entra.mint({ oid: alex.id })).split('.');
    const otherPayload = (await entra.mint({ oid: demoPeople.mentor.id })).split('.')[1];
    await expectRefused(`${header}.${otherPayload}.${signature}`);
  });

  it('for another audience', async () => {
    await expectRefused(await entra.mint({ oid: alex.id, aud: '00000003-0000-0000-c000-000000000000' })); // Microsoft Graph
    await expectRefused(await entra.mint({ oid: alex.id, aud: undefined }));
  });

  it('from another issuer', async () => {
    await expectRefused(await entra.mint({ oid: alex.id, iss: `https://sts.windows.net/${entra.tenantId}/` })); // a v1 token
    await expectRefused(await entra.mint({ oid: alex.id, iss: entra.issuerFor(entra.otherTenantId) }));
  });

  it('expired beyond the clock skew, or not valid yet', async () => {
    await expectRefused(await entra.mint({ oid: alex.id, exp: secondsFromNow(-120) }));
    await expectRefused(await entra.mint({ oid: alex.id, nbf: secondsFromNow(300) }));
    await expectRefused(await entra.mint({ oid: alex.id, exp: undefined }));
  });

  it('without the access_as_user scope', async () => {
    await expectRefused(await entra.mint({ oid: alex.id, scp: undefined }));
    await expectRefused(await entra.mint({ oid: alex.id, scp: 'User.Read' }));
    await expectRefused(await entra.mint({ oid: alex.id, scp: 'access_as_user_not' }));
    // An app-only token: roles but no delegated scope, so no person behind it.
    await expectRefused(await entra.mint({ oid: alex.id, scp: undefined, roles: ['ProgramManager'] }));
  });

  it('from a tenant that is not on the allow-list, with a message for the person', async () => {
    const res = await expectRefused(await entra.mint({ oid: alex.id, tid: entra.otherTenantId }));
    expect(res.body.error.message).toMatch(/organization is not set up/);
  });

  it('without a person or tenant id, or with ids that are not GUIDs', async () => {
    await expectRefused(await entra.mint({ oid: undefined }));
    await expectRefused(await entra.mint({ oid: alex.id, tid: undefined }));
    await expectRefused(await entra.mint({ oid: `${alex.id}/x` }));
  });

  it('unsigned (alg none) or HMAC-signed with the public key', async () => {
    await expectRefused(await entra.mint({ oid: alex.id }, { alg: 'none' }));
    await expectRefused(await entra.mint({ oid: alex.id }, { alg: 'HS256' }));
  });

  it('in a malformed Authorization header', async () => {
    const token = await entra.mint({ oid: alex.id });
    for (const header of [
      token,
      `Basic ${token}`,
      `Bearer ${token} ${token}`,
      `Bearer ${token.split('.').slice(0, 2).join('.')}`,
      'Bearer',
      `Bearer ${'a'.repeat(10_000)}.b.c`,
    ]) {
      const res = await me({ Authorization: header });
      expect(res.status, header.slice(0, 20)).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
  });

  it('missing: a plain challenge that says to open the app in Teams', async () => {
    const res = await me({});
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.body.error.message).toBe('Open the app in Microsoft Teams to sign in.');
  });

  it('logs why, never the token', async () => {
    const token = await entra.mint({ oid: alex.id, aud: 'api://someone-else' });
    logLines.length = 0;
    await expectRefused(token);
    const refusals = logLines.filter((l) => l.includes('sign-in refused'));
    expect(refusals.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ level: 'warn', reason: 'audience' })]);
    expect(logLines.join('\n')).not.toContain(token.split('.')[1]);
    expect(logLines.join('\n')).not.toContain(token.split('.')[2]);
  });
});

describe('signing keys', () => {
  it('are fetched once and cached, and made-up key ids do not trigger refetches', async () => {
    await meWith(await entra.mint({ oid: alex.id }));
    const before = entra.fetches;
    expect(before).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 5; i++) {
      expect((await meWith(await entra.mint({ oid: alex.id }))).status).toBe(200);
      await expectRefused(await entra.mint({ oid: alex.id }, { key: 'unpublished', kid: `made-up-${i}` }));
    }
    expect(entra.fetches).toBe(before);
  });
});

describe('key rotation', () => {
  let rotating: LocalEntra;
  let rotatingServer: TestServer;
  beforeAll(async () => {
    rotating = await startLocalEntra();
    // No cooldown, so a token naming a new key makes the server fetch the keys again at once.
    rotatingServer = await startTestServer({ env: rotating.productionEnv, jwksCooldownMs: 0 });
  });
  afterAll(async () => {
    await rotatingServer?.close();
    await rotating?.close();
  });

  it('accepts a token signed by a key published after the first fetch, and still the old one', async () => {
    const api = apiAs(rotatingServer.baseUrl);
    const oldToken = await rotating.mint({ oid: alex.id });
    expect((await api.get(paths.me, bearer(oldToken))).status).toBe(200);
    expect(rotating.fetches).toBe(1);

    await rotating.rotate();
    const newToken = await rotating.mint({ oid: alex.id });
    expect((await api.get(paths.me, bearer(newToken))).status).toBe(200);
    expect(rotating.fetches).toBe(2);
    expect((await api.get(paths.me, bearer(oldToken))).status).toBe(200);
  });
});

describe('when the keys cannot be fetched', () => {
  let down: LocalEntra;
  let downServer: TestServer;
  beforeAll(async () => {
    down = await startLocalEntra();
    downServer = await startTestServer({ env: down.productionEnv, seed: true });
  });
  afterAll(async () => {
    await downServer?.close();
    await down?.close();
  });

  it('answers a retryable 503, not a sign-in failure, and recovers', async () => {
    const token = await down.mint({ oid: alex.id });
    down.setServing(false);
    const res = await apiAs(downServer.baseUrl).get(paths.me, bearer(token));
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('unavailable');
    expect(res.headers.get('retry-after')).toBe('5');

    down.setServing(true);
    expect((await apiAs(downServer.baseUrl).get(paths.me, bearer(token))).status).toBe(200);
  });
});
