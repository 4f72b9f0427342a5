// Logs are JSON lines, one per request, under a request id the response also carries. They never
// hold a token (header or query) or what people write in their goals and messages.
import { describe, expect } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { paths, pathFor, type PlanView } from '../../shared/api';
import { apiAs } from '../support/apiClient';
import { messageActivity, postActivity } from '../support/botActivities';
import { serverTest } from '../support/fixtures';

// A token shaped like a real one (header.payload.signature), and text no log line may repeat.
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJvaWQiOiJzZWNyZXQtdG9rZW4tYm9keSJ9.c2lnbmF0dXJlLXdoaWNoLW11c3Qtbm90LWJlLWxvZ2dlZA';
const QUERY_SECRET = 'query-secret-7c1f';
const GOAL_TEXT = 'Overcome my fear of the quarterly review with Dana';
const NOTE_TEXT = 'confidential reflection about my manager';
const MESSAGE_TEXT = 'I am thinking about leaving the company';

const logLines: string[] = [];
const auth = { Authorization: `Bearer ${TOKEN}` };
const goalsPath = pathFor(paths.goals, { pairId: demoPairIds.alex });

interface LogLine {
  level: string;
  msg: string;
  requestId?: string;
  [field: string]: unknown;
}
const parsedLogs = (): LogLine[] => logLines.map((l) => JSON.parse(l) as LogLine);
const requestLines = () => parsedLogs().filter((l) => l.msg === 'request');

const test = serverTest.override({ serverOptions: { logLines } });

describe('request logs', () => {
  test('write one JSON line per request with the id the response carries', async ({ alex }) => {
    const res = await alex().get(`${paths.me}?token=${QUERY_SECRET}&code=${QUERY_SECRET}`, auth);
    expect(res.status).toBe(200);
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const lines = requestLines().filter((l) => l.requestId === requestId);
    expect(lines).toEqual([
      {
        time: expect.any(String),
        level: 'info',
        msg: 'request',
        requestId,
        method: 'GET',
        path: '/api/me',
        route: '/api/me',
        status: 200,
        durationMs: expect.any(Number),
        actorId: demoPeople.menteeAlex.id,
      },
    ]);
  });

  test('log the route pattern and status of writes, without the body', async ({ alex }) => {
    const created = await alex().post(goalsPath, { title: GOAL_TEXT, description: NOTE_TEXT }, auth);
    expect(created.status).toBe(201);
    const line = requestLines().find((l) => l.requestId === created.headers.get('x-request-id'));
    expect(line).toMatchObject({ method: 'POST', path: goalsPath, route: paths.goals, status: 201, actorId: demoPeople.menteeAlex.id });

    const plan = (await alex().get<PlanView>(pathFor(paths.plan, { pairId: demoPairIds.alex }), auth)).body;
    const goal = plan.goals.find((g) => g.value.title === GOAL_TEXT)!;
    const edited = await alex().patch(
      pathFor(paths.goal, { pairId: demoPairIds.alex, goalId: goal.value.id }),
      { description: `${NOTE_TEXT} (edited)`, reason: NOTE_TEXT },
      goal.etag,
    );
    expect(edited.status).toBe(200);
  });

  test('keep a sane incoming request id and replace anything else', async ({ alex }) => {
    const offered = 'teams-client-0042.abc_def';
    const kept = await alex().get(paths.me, { 'x-request-id': offered });
    expect(kept.headers.get('x-request-id')).toBe(offered);
    expect(requestLines().filter((l) => l.requestId === offered)).toHaveLength(1);

    const microsoft = await alex().get(paths.me, { 'x-ms-client-request-id': '9b2c6a1e-7f3d-4c5b-8a9e-0d1f2e3c4b5a' });
    expect(microsoft.headers.get('x-request-id')).toBe('9b2c6a1e-7f3d-4c5b-8a9e-0d1f2e3c4b5a');

    for (const bad of [TOKEN, 'has spaces in it', '"},{"level":"error', 'short', 'x'.repeat(65)]) {
      const res = await alex().get(paths.me, { 'x-request-id': bad });
      expect(res.headers.get('x-request-id')).not.toBe(bad);
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  test('log refused and failed requests too, without what they carried', async ({ alex, server }) => {
    const invalid = await alex().post(goalsPath, { title: GOAL_TEXT, target: 'ten', unknownField: NOTE_TEXT }, auth);
    expect(invalid.status).toBe(400);
    const broken = await alex().post(goalsPath, `{"title": "${GOAL_TEXT}`, { ...auth, 'Content-Type': 'application/json' });
    expect(broken.status).toBe(400);
    const huge = await alex().post(goalsPath, { title: GOAL_TEXT, description: NOTE_TEXT.repeat(5_000) }, auth);
    expect(huge.status).toBe(413);
    const anonymous = await apiAs(server.baseUrl).get(`${paths.me}?code=${QUERY_SECRET}`, auth);
    expect(anonymous.status).toBe(401);

    for (const res of [invalid, broken, huge, anonymous]) {
      const line = requestLines().find((l) => l.requestId === res.headers.get('x-request-id'));
      expect(line).toMatchObject({ status: res.status });
    }
    expect(requestLines().find((l) => l.requestId === anonymous.headers.get('x-request-id'))).not.toHaveProperty('actorId');
  });

  test('log bot requests without the message text', async ({ server, connector }) => {
    const user = { id: '29:1logging', aadObjectId: demoPeople.menteeAlex.id };
    const res = await postActivity(server.baseUrl, messageActivity({ serviceUrl: connector.serviceUrl, user, text: MESSAGE_TEXT }));
    expect(res.status).toBe(200);
    expect(requestLines().filter((l) => l.path === '/api/messages')).toEqual([expect.objectContaining({ method: 'POST', status: 200 })]);
  });

  test('never contain a token or what people wrote', () => {
    expect(logLines.length).toBeGreaterThan(10);
    const everything = logLines.join('\n');
    for (const secret of [TOKEN, 'Bearer', QUERY_SECRET, GOAL_TEXT, NOTE_TEXT, MESSAGE_TEXT]) expect(everything).not.toContain(secret);
    // Every line is a JSON object with a level and a message.
    for (const line of parsedLogs()) expect(line).toMatchObject({ level: expect.any(String), msg: expect.any(String) });
  });
});
