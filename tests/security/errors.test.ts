// A client never sees a stack trace or an internal message: an internal failure answers a generic
// `{ error: { code, message } }` (the details go to the log, under the request id), and unknown
// paths and broken JSON get clean JSON errors too.
import { describe, expect } from 'vitest';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { encodeKey } from '../../bot/storage/tables';
import { paths, pathFor } from '../../shared/api';
import { apiAs, type ApiResponse } from '../support/apiClient';
import { postActivity } from '../support/botActivities';
import { tablesOf } from '../support/testServer';
import { serverTest } from '../support/fixtures';

const logLines: string[] = [];

const test = serverTest.override({ serverOptions: { logLines } }).extend(
  'anonymous',
  ({ server }) =>
    () =>
      apiAs(server.baseUrl),
);

/** Nothing that looks like code, a stack frame or a storage error. */
function expectNothingInternal(res: { body?: unknown; text?: string }) {
  const text = res.text ?? JSON.stringify(res.body);
  expect(text).not.toMatch(/stack|\bat .*:\d+|\.ts\b|\.js\b|node_modules|RestError|SyntaxError|ZodError|Unexpected token|INTERNAL-MARKER/i);
}

function expectErrorBody(res: ApiResponse, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  expectNothingInternal(res);
}

describe('an internal failure', () => {
  test('answers a generic 500 and logs the details under the request id', async ({ server }) => {
    // A stored row that no longer parses: a bug, whose error message quotes the stored text.
    await tablesOf(server).plans.updateEntity(
      { partitionKey: encodeKey(demoPairIds.sam), rowKey: 'pair', data: 'INTERNAL-MARKER {not json' },
      'Merge',
    );

    const res = await apiAs(server.baseUrl, demoPeople.menteeSam.id).get(pathFor(paths.plan, { pairId: demoPairIds.sam }));

    expectErrorBody(res, 500, 'unavailable');
    expect(res.body.error.message).toBe('Something went wrong on our side. Try again in a moment.');
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const logged = logLines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error');
    expect(logged).toMatchObject({ level: 'error', requestId, error: expect.stringMatching(/SyntaxError/) });
  });
});

describe('unknown API paths', () => {
  test.for([
    ['GET', '/api/nothing-here'],
    ['POST', '/api/nothing-here'],
    ['DELETE', '/api/pairs'],
    ['PUT', paths.me],
  ])('%s %s answers 404 in JSON', async ([method, path], { server }) => {
    const res = await fetch(`${server.baseUrl}${path}`, { method, headers: { 'X-Dev-User': demoPeople.menteeAlex.id } });
    const body = await res.json();
    expectErrorBody({ status: res.status, headers: res.headers, body }, 404, 'not_found');
  });

  test('answers 401 in JSON to a caller without an identity, before saying what exists', async ({ anonymous }) => {
    expectErrorBody(await anonymous().get('/api/nothing-here'), 401, 'unauthenticated');
  });
});

describe('malformed JSON', () => {
  test('gets a clean 400 from the API', async ({ alex }) => {
    const res = await alex().post(pathFor(paths.goals, { pairId: demoPairIds.alex }), '{"title": "INTERNAL-MARKER', {
      'Content-Type': 'application/json',
    });
    expectErrorBody(res, 400, 'invalid');
    expect(res.body.error.message).toBe('The request body is not valid JSON.');
  });

  test('gets a clean 400 from the bot endpoint', async ({ server }) => {
    const res = await postActivity(server.baseUrl, '{"type": "message", "text": "INTERNAL-MARKER');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ error: { code: 'invalid', message: 'The request body is not valid JSON.' } });
    expectNothingInternal(res);
  });
});
