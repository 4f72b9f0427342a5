import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../bot/server';
import { parseConfig } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { startAzurite, type EmbeddedAzurite } from '../../bot/dev/azurite';
import type { Server } from 'node:http';

// Its own Azurite, so the test can stop storage under a running server.
let azurite: EmbeddedAzurite;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  azurite = await startAzurite();
  const config = parseConfig({ PORT: '0', STORAGE_CONNECTION_STRING: azurite.connectionString });
  const { app } = await createApp(config, { connectionString: azurite.connectionString }, { log: createLogger('silent') });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('/healthz', () => {
  it('answers 200 while storage answers and 503 when it does not', async () => {
    const up = await fetch(`${baseUrl}/healthz`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ok' });
    await azurite.close();
    const down = await fetch(`${baseUrl}/healthz`);
    expect(down.status).toBe(503);
  });

  it('turns a storage outage into a retryable 503 on the API, not a crash', async () => {
    const res = await fetch(`${baseUrl}/api/dev/people`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect((await res.json()).error.code).toBe('unavailable');
  });
});
