import { describe, expect } from 'vitest';
import { serverTest } from '../support/fixtures';

// Its own Azurite, so the test can stop storage under a running server.
const test = serverTest.override({ serverOptions: { storage: 'own', seed: false } });

describe('/healthz', () => {
  test('answers 200 while storage answers and 503 when it does not', async ({ baseUrl, azurite }) => {
    const up = await fetch(`${baseUrl}/healthz`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ok' });
    await azurite.close();
    const down = await fetch(`${baseUrl}/healthz`);
    expect(down.status).toBe(503);
  });

  test('turns a storage outage into a retryable 503 on the API, not a crash', async ({ baseUrl }) => {
    const res = await fetch(`${baseUrl}/api/dev/people`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect((await res.json()).error.code).toBe('unavailable');
  });
});
