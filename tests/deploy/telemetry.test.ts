// What reaches Application Insights: no query strings, bodies, names, people's words or client IPs.
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, forwardLogs } from '../../bot/log';
import { ignoredRequestPath, privacyLogProcessor, privacySpanProcessor, scrubAttributes, startTelemetry } from '../../bot/telemetry';

describe('telemetry privacy', () => {
  it('cuts query strings from URLs and drops personal and free-text attributes', () => {
    expect(
      scrubAttributes({
        'http.url': 'https://app.contoso.example/api/plans/p1?search=Priya%20Patel#x',
        'url.full': 'https://app.contoso.example/api/me?name=Alex',
        'http.target': '/api/goals?title=Learn',
        'url.query': 'q=Alex',
        'http.route': '/api/plans/:pairId',
        'http.status_code': 200,
        'http.request.body': '{"title":"Become a staff engineer"}',
        'enduser.id': 'alex@contoso.example',
        'user.name': 'Alex Wilber',
        displayName: 'Alex Wilber',
        email: 'alex@contoso.example',
        goalTitle: 'Become a staff engineer',
        'http.client_ip': '203.0.113.9',
        'client.address': '203.0.113.9',
        'network.peer.address': '203.0.113.9',
        'net.sock.peer.addr': '203.0.113.9',
        'user_agent.original': 'Teams',
        'db.name': 'Plans',
        'net.peer.name': 'stmentoring.table.core.windows.net',
        'service.name': 'mentoring',
      }),
    ).toEqual({
      'http.url': 'https://app.contoso.example/api/plans/p1',
      'url.full': 'https://app.contoso.example/api/me',
      'http.target': '/api/goals',
      'http.route': '/api/plans/:pairId',
      'http.status_code': 200,
      'db.name': 'Plans',
      'net.peer.name': 'stmentoring.table.core.windows.net',
      'service.name': 'mentoring',
    });
  });

  it('scrubs a finished span in place, its events too, before the exporter reads it', () => {
    const span = {
      name: 'GET /api/plans?who=Alex',
      attributes: { 'url.full': 'https://x.example/api/plans?who=Alex', 'http.method': 'GET', text: 'my private note' },
      events: [{ attributes: { 'exception.message': 'boom', body: 'plan text' } }],
    };
    privacySpanProcessor.onEnd(span);
    expect(span).toEqual({
      name: 'GET /api/plans',
      attributes: { 'url.full': 'https://x.example/api/plans', 'http.method': 'GET' },
      events: [{ attributes: { 'exception.message': 'boom' } }],
    });
  });

  it('scrubs log records the same way', () => {
    const record = { attributes: { pairId: 'p1', title: 'Goal title', email: 'a@b.example', count: 3 } };
    privacyLogProcessor.onEmit(record);
    expect(record.attributes).toEqual({ pairId: 'p1', count: 3 });
  });

  it('leaves health probes and static files out of request telemetry', () => {
    expect(ignoredRequestPath('/healthz')).toBe(true);
    expect(ignoredRequestPath('/assets/index-abc.js')).toBe(true);
    expect(ignoredRequestPath('/api/messages')).toBe(false);
    expect(ignoredRequestPath('/api/plans/p1')).toBe(false);
  });
});

describe('telemetry start', () => {
  afterEach(() => forwardLogs(undefined));

  it('stays off without a connection string, and the logger then writes only its lines', async () => {
    expect(await startTelemetry({})).toBe(false);
    const lines: string[] = [];
    createLogger('info', (l) => lines.push(l)).info('hello', { n: 1 });
    expect(lines).toHaveLength(1);
  });

  it('passes each log line on to the forwarder when one is set', () => {
    const seen: unknown[] = [];
    forwardLogs((level, msg, fields) => seen.push({ level, msg, fields }));
    createLogger('info', () => undefined).warn('job failed', { job: 'digest' });
    createLogger('info', () => undefined).debug('below the level');
    expect(seen).toEqual([{ level: 'warn', msg: 'job failed', fields: { job: 'digest' } }]);
  });
});
