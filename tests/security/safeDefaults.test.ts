// The development run is reachable only from this machine by default, answers only for its own
// host names, and a host that says NODE_ENV=production gets production. Bad bodies are the client's
// fault (4xx), API answers are never cached, and a table that disappears is recreated.
import { request } from 'node:http';
import { describe, expect } from 'vitest';
import { ConfigError, parseConfig } from '../../bot/config';
import { hostNameOf } from '../../bot/api/hostGuard';
import { serverTest as test } from '../support/fixtures';
import { tablesOf } from '../support/testServer';
import { demoPeople } from '../../bot/dev/demoData';

/** A raw request, so the test can send headers fetch() would rewrite (Host, Content-Encoding). */
function send(baseUrl: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(path, baseUrl);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }>((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('configuration defaults', () => {
  test('listens on loopback in development unless HOST is set, and flags a development run exposed beyond it', () => {
    expect(parseConfig({}).host).toBe('127.0.0.1');
    expect(parseConfig({}).exposedDevelopment).toBe(false);
    expect(parseConfig({ HOST: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0', exposedDevelopment: true });
    expect(parseConfig({ HOST: '::1' }).exposedDevelopment).toBe(false);
  });

  test('takes NODE_ENV=production as production, which refuses to start without its settings', () => {
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => parseConfig({ NODE_ENV: 'production' })).toThrow(/STORAGE_CONNECTION_STRING: required/);
    expect(parseConfig({ NODE_ENV: 'production', APP_MODE: 'development' }).mode).toBe('development');
  });

  test('listens on every interface in production, where the platform routes to it', () => {
    const c = parseConfig({
      APP_MODE: 'production',
      STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      PUBLIC_URL: 'https://mentoring.example.com',
      AAD_CLIENT_ID: '11111111-1111-4111-8111-111111111111',
      AAD_ALLOWED_TENANTS: '22222222-2222-4222-8222-222222222222',
      BOT_ID: '33333333-3333-4333-8333-333333333333',
      BOT_APP_TYPE: 'UserAssignedMSI',
      BOT_TENANT_ID: '22222222-2222-4222-8222-222222222222',
    });
    expect(c).toMatchObject({ host: '0.0.0.0', exposedDevelopment: false });
  });
});

describe('a running server', () => {
  const asAlex = { 'X-Dev-User': demoPeople.menteeAlex.id };

  test('reads the host name of a Host header with or without a port', () => {
    expect(hostNameOf('localhost:3978')).toBe('localhost');
    expect(hostNameOf('[::1]:3978')).toBe('[::1]');
    expect(hostNameOf('Evil.Example')).toBe('evil.example');
  });

  test('refuses a request whose Host is neither the public host nor loopback (DNS rebinding)', async ({ server }) => {
    const foreign = await send(server.baseUrl, '/api/dev/people', { headers: { Host: 'attacker.example:3978' } });
    expect(foreign.status).toBe(421);
    expect(foreign.text).not.toContain(demoPeople.menteeAlex.displayName);
    expect((await send(server.baseUrl, '/', { headers: { Host: 'attacker.example' } })).status).toBe(421);
    const bot = await send(server.baseUrl, '/api/messages', {
      method: 'POST',
      headers: { Host: 'attacker.example', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(bot.status).toBe(421);
    expect((await send(server.baseUrl, '/api/me', { headers: { Host: 'localhost:3978', ...asAlex } })).status).toBe(200);
    expect((await send(server.baseUrl, '/api/me', { headers: { Host: '127.0.0.1', ...asAlex } })).status).toBe(200);
    // Health reveals nothing, and platform probes may use an internal name.
    expect((await send(server.baseUrl, '/healthz', { headers: { Host: 'internal.example' } })).status).toBe(200);
  });

  test('marks every API answer no-store', async ({ server }) => {
    const me = await fetch(`${server.baseUrl}/api/me`, { headers: asAlex });
    expect(me.headers.get('cache-control')).toBe('no-store');
    const missing = await fetch(`${server.baseUrl}/api/nothing-here`, { headers: asAlex });
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });

  test('answers a body in another charset or an unknown encoding with 415 and a reason, on the API and the bot endpoint', async ({
    server,
  }) => {
    for (const path of ['/api/pairs/demo-pair-alex/goals', '/api/messages']) {
      const latin1 = await send(server.baseUrl, path, {
        method: 'POST',
        headers: { ...asAlex, 'Content-Type': 'application/json; charset=latin1' },
        body: '{"title":"x"}',
      });
      expect(latin1.status).toBe(415);
      expect(JSON.parse(latin1.text).error.message).toMatch(/UTF-8/);
      const encoded = await send(server.baseUrl, path, {
        method: 'POST',
        headers: { ...asAlex, 'Content-Type': 'application/json', 'Content-Encoding': 'x-unknown' },
        body: '{"title":"x"}',
      });
      expect(encoded.status).toBe(415);
      expect(encoded.text).not.toMatch(/at .*\.js|node_modules/);
    }
  });

  test('recreates a table that has disappeared, so health and the API recover without a restart', async ({ server }) => {
    const tables = tablesOf(server);
    await tables.plans.deleteTable();
    const health = await fetch(`${server.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    const plan = await fetch(`${server.baseUrl}/api/me`, { headers: asAlex });
    expect(plan.status).toBe(200);
    await tables.plans.createEntity({ partitionKey: 'probe', rowKey: 'probe' });
    await tables.plans.deleteEntity('probe', 'probe');
  });

  test('answers a request that meets a missing table with a retryable 503, and the table is back for the next one', async ({ server }) => {
    const tables = tablesOf(server);
    await tables.plans.deleteTable();
    const first = await fetch(`${server.baseUrl}/api/pairs/demo-pair-alex/plan`, { headers: asAlex });
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('1');
    let after = first.status;
    for (let i = 0; i < 20 && after === 503; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = (await fetch(`${server.baseUrl}/api/pairs/demo-pair-alex/plan`, { headers: asAlex })).status;
    }
    // The plan's rows went with the table: the API answers again, and says so.
    expect(after).toBe(404);
  });
});
