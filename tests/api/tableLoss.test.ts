// Storage that comes back without its tables (an emulator restarted in memory, tables deleted by an
// operator) heals without a restart: a burst of requests meeting the loss gets retryable 503s, never
// a 500, health reports the tables answering again, and the API serves from them.
import { describe, expect } from 'vitest';
import { demoPairIds } from '../../bot/dev/demoData';
import { paths, pathFor } from '../../shared/api';
import { serverTest as test } from '../support/fixtures';

describe('tables lost under a running server', () => {
  test('a burst of requests gets 503s, no 500, and the tables are back for the next ones', async ({ server, tables, alex }) => {
    await Promise.all([tables.plans.deleteTable(), tables.people.deleteTable(), tables.pairIndex.deleteTable()]);
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? alex().get(paths.me) : alex().get(pathFor(paths.plan, { pairId: demoPairIds.alex })))),
    );
    expect(burst.map((r) => r.status).filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(burst.filter((r) => r.status === 503).every((r) => r.headers.get('retry-after') !== null)).toBe(true);

    let health = 0;
    for (let i = 0; i < 20 && health !== 200; i++) {
      health = (await fetch(`${server.baseUrl}/healthz`)).status;
      if (health !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(health).toBe(200);
    // The people went with their table: the API answers again, and says so instead of failing.
    const me = await alex().get(paths.me);
    expect(me.status).toBeLessThan(500);
    await tables.plans.createEntity({ partitionKey: 'probe', rowKey: 'probe' });
    await tables.plans.deleteEntity('probe', 'probe');
  });
});
