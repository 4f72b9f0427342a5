// What a verified Teams SSO token makes of the caller (the Actor every use case is given), and the
// issuer as configuration. The identity middleware runs alone on a small app, over the real people
// repository of a seeded test server.
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entraIdentity, entraTokenVerifier } from '../../bot/api/entraIdentity';
import { parseConfig, type EntraAuthConfig } from '../../bot/config';
import { demoPeople } from '../../bot/dev/demoData';
import { createLogger } from '../../bot/log';
import { PROGRAM_MANAGER_ROLE, type Actor } from '../../shared/policy';
import { bearer, startLocalEntra, type LocalEntra } from '../support/entraTokens';
import { startTestServer, type TestServer } from '../support/testServer';

let entra: LocalEntra;
let server: TestServer;
let whoami: Server;
let whoamiUrl: string;

const entraAuth = (env: Record<string, string>): EntraAuthConfig => {
  const { auth } = parseConfig(env);
  if (auth.mode !== 'entra') throw new Error('expected AUTH_MODE=entra');
  return auth;
};

beforeAll(async () => {
  entra = await startLocalEntra();
  server = await startTestServer({ env: entra.env });
  const app = express();
  app.get(
    '/whoami',
    entraIdentity(entraAuth(entra.env), server.app.repositories.people, createLogger('silent'), () => new Date()),
    (_req, res) => {
      res.json(res.locals.actor);
    },
  );
  whoami = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  whoamiUrl = `http://127.0.0.1:${(whoami.address() as { port: number }).port}/whoami`;
});
afterAll(async () => {
  whoami?.closeAllConnections();
  whoami?.close();
  await server?.close();
  await entra?.close();
});

const actorFor = async (token: string): Promise<Actor> => {
  const res = await fetch(whoamiUrl, { headers: bearer(token) });
  expect(res.status).toBe(200);
  return (await res.json()) as Actor;
};

describe('the actor from a verified token', () => {
  it('is the token’s oid and tid, with the time zone of their People profile and no app roles', async () => {
    const alex = demoPeople.menteeAlex;
    expect(await actorFor(await entra.mint({ oid: alex.id }))).toEqual({
      id: alex.id,
      tenantId: entra.tenantId,
      timeZone: alex.timeZone,
      appRoles: [],
    });
  });

  it('carries the app roles of the roles claim', async () => {
    const manager = demoPeople.manager;
    const actor = await actorFor(await entra.mint({ oid: manager.id, roles: [PROGRAM_MANAGER_ROLE] }));
    expect(actor).toEqual({ id: manager.id, tenantId: entra.tenantId, timeZone: manager.timeZone, appRoles: [PROGRAM_MANAGER_ROLE] });
  });

  it('is in UTC for someone with no People profile yet', async () => {
    const oid = '5a0e1f2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(await actorFor(await entra.mint({ oid }))).toEqual({ id: oid, tenantId: entra.tenantId, timeZone: 'UTC', appRoles: [] });
  });

  it('has lower-case ids whatever case the token uses', async () => {
    const actor = await actorFor(await entra.mint({ oid: demoPeople.menteeAlex.id.toUpperCase() }));
    expect(actor.id).toBe(demoPeople.menteeAlex.id);
  });
});

describe('the issuer is configuration', () => {
  it('follows the configured template, e.g. a sovereign cloud’s host', async () => {
    const template = 'https://login.microsoftonline.us/{tenantid}/v2.0';
    const verify = entraTokenVerifier(entraAuth({ ...entra.env, AAD_ISSUER_TEMPLATE: template }));
    const sovereign = await verify(await entra.mint({ iss: template.replace('{tenantid}', entra.tenantId) }));
    expect(sovereign).toMatchObject({ ok: true, caller: { tid: entra.tenantId } });
    expect(await verify(await entra.mint({ iss: `https://login.microsoftonline.com/${entra.tenantId}/v2.0` }))).toEqual({
      ok: false,
      reason: 'issuer',
    });
  });

  it('must hold its tenant for the token’s tid, not another allowed tenant', async () => {
    const second = '0f0e0d0c-0b0a-4909-8807-060504030201';
    const verify = entraTokenVerifier(entraAuth({ ...entra.env, AAD_ALLOWED_TENANTS: `${entra.tenantId}, ${second.toUpperCase()}` }));
    expect(await verify(await entra.mint({ tid: second }))).toMatchObject({ ok: true, caller: { tid: second } });
    expect(await verify(await entra.mint({ tid: second, iss: entra.issuerFor(entra.tenantId) }))).toEqual({ ok: false, reason: 'issuer' });
  });
});
