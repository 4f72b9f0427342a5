// The route table (shared/api/routes.ts) is the API's contract: the server serves exactly its
// routes, each with its method and path, and refuses input its schemas refuse before any use case
// runs, so nothing is written.
import { describe, expect } from 'vitest';
import { jobPaths } from '../../bot/api/jobRoutes';
import { DEMO_PROGRAM_ID, demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { urlFor, type RouteSpec } from '../../shared/api/route';
import { routes } from '../../shared/api/routes';
import { apiAs } from '../support/apiClient';
import { listRoutes } from '../support/routes';
import { serverOutsideTests, serverTest } from '../support/fixtures';
import { tablesOf } from '../support/testServer';

// Development mode, so the development-only route is mounted too.
const test = serverTest;
// The it.each tables are built before any test runs, so their requests reach the server this way.
const server = serverOutsideTests(test);
const alex = () => apiAs(server.baseUrl, demoPeople.menteeAlex.id);

// Routes under /api that are deliberately not the tab's: the Bot Framework endpoint and the scheduler's jobs.
const outsideTheTable = new Set(['POST /api/messages', ...Object.values(jobPaths).map((path) => `POST ${path}`)]);

const table = Object.entries(routes as Record<string, RouteSpec>);
const withBody = table.filter(([, route]) => route.body !== undefined);
const withQuery = table.filter(([, route]) => route.query !== undefined);

const STALE_VERSION = `W/"datetime'2001-01-01T00%3A00%3A00Z'"`;

/** Parameters that pass the route's schema (ids of the demo pair where one exists). */
function paramsFor(route: RouteSpec): Record<string, string> {
  const known: Record<string, string> = {
    pairId: demoPairIds.alex,
    goalId: 'alex-oncall',
    programId: DEMO_PROGRAM_ID,
    dueDate: '2026-01-01',
  };
  const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  return Object.fromEntries(names.map((name) => [name, known[name] ?? 'some-id']));
}

function send(route: RouteSpec, body: unknown, query: Record<string, string> = {}) {
  const url = urlFor(route, paramsFor(route), query);
  // A well-formed version that matches nothing: the body is checked, and no row could be written.
  const headers = { 'If-Match': STALE_VERSION };
  switch (route.method) {
    case 'GET':
      return alex().get(url, headers);
    case 'POST':
      return alex().post(url, body, headers);
    case 'PUT':
      return alex().put(url, body, STALE_VERSION);
    case 'PATCH':
      return alex().patch(url, body, STALE_VERSION);
    case 'DELETE':
      return alex().delete(url, STALE_VERSION);
  }
}

/** Every row of every table, with its ETag: any write changes it. */
async function storageSnapshot(): Promise<string> {
  const rows: string[] = [];
  for (const [name, table] of Object.entries(tablesOf(server))) {
    for await (const row of table.listEntities()) rows.push(`${name}:${row.partitionKey}/${row.rowKey}@${row.etag}`);
  }
  return rows.sort().join('\n');
}

describe('the route table', () => {
  test('names each method and path once', () => {
    const keys = table.map(([, route]) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('is what the server serves under /api, and nothing else is', ({ server }) => {
    const served = listRoutes(server.app.app)
      .filter((r) => r.path.startsWith('/api/'))
      .map((r) => `${r.method} ${r.path}`)
      .filter((key) => !outsideTheTable.has(key));
    expect(served.sort()).toEqual(table.map(([, route]) => `${route.method} ${route.path}`).sort());
  });

  test.each(withBody)('%s refuses a body its schema refuses with 400 and writes nothing', async (_name, route) => {
    const before = await storageSnapshot();
    // No body schema accepts a list, and every one refuses a field it does not know.
    for (const body of [[], { notAField: true }]) {
      const res = await send(route, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid');
    }
    expect(await storageSnapshot()).toBe(before);
  });

  test.each(withBody)('%s answers a body in another charset or an unknown encoding with 415 and writes nothing', async (_name, route) => {
    const before = await storageSnapshot();
    const url = `${server.baseUrl}${urlFor(route, paramsFor(route), {})}`;
    const base = { 'X-Dev-User': demoPeople.menteeAlex.id, 'If-Match': STALE_VERSION };
    for (const headers of [
      { ...base, 'Content-Type': 'application/json; charset=latin1' },
      { ...base, 'Content-Type': 'application/json', 'Content-Encoding': 'x-unknown' },
    ]) {
      const res = await fetch(url, { method: route.method, headers, body: '{"title":"x"}' });
      expect(res.status).toBe(415);
      expect(await res.text()).not.toMatch(/at .*\.[jt]s|node_modules|stack/);
    }
    expect(await storageSnapshot()).toBe(before);
  });

  test.each(withQuery)('%s refuses a query its schema refuses with 400', async (_name, route) => {
    const res = await send(route, undefined, { notAField: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([expect.objectContaining({ message: expect.stringMatching(/notAField/) })]);
  });
});
