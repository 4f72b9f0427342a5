// Every response carries the security headers: the tab, the API (answers and errors), health and
// the bot endpoint. Only Teams and Microsoft 365 may frame the tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../bot/dev/demoData';
import { TEAMS_FRAME_ANCESTORS } from '../../bot/api/security';
import { paths } from '../../shared/api';
import { apiAs } from '../support/apiClient';
import { installActivity } from '../support/botActivities';
import { startRecordingConnector, type RecordingConnector } from '../support/recordingConnector';
import { startTestServer, type TestServer } from '../support/testServer';

let server: TestServer;
let connector: RecordingConnector;

beforeAll(async () => {
  connector = await startRecordingConnector();
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
  await connector?.close();
});

/** `default-src 'self'; img-src 'self' data:` -> { 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'] } */
function directivesOf(csp: string | null): Record<string, string[]> {
  expect(csp).toBeTruthy();
  return Object.fromEntries(
    csp!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

const responses: { name: string; fetch: () => Promise<Headers> }[] = [
  { name: 'the tab', fetch: async () => (await fetch(`${server.baseUrl}/`)).headers },
  { name: 'an API answer', fetch: async () => (await apiAs(server.baseUrl, demoPeople.menteeAlex.id).get(paths.me)).headers },
  { name: 'an API error', fetch: async () => (await apiAs(server.baseUrl).get(paths.me)).headers },
  {
    name: 'an unknown API path',
    fetch: async () => (await apiAs(server.baseUrl, demoPeople.menteeAlex.id).get('/api/nothing-here')).headers,
  },
  { name: 'health', fetch: async () => (await fetch(`${server.baseUrl}/healthz`)).headers },
  {
    name: 'the bot endpoint',
    fetch: async () => {
      const res = await fetch(`${server.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(
          installActivity({ serviceUrl: connector.serviceUrl, user: { id: '29:1headers', aadObjectId: demoPeople.menteeSam.id } }),
        ),
      });
      expect(res.status).toBe(200);
      return res.headers;
    },
  },
];

describe('security headers', () => {
  it.each(responses)('are on $name', async ({ fetch: load }) => {
    const headers = await load();
    const csp = directivesOf(headers.get('content-security-policy'));
    expect(csp['frame-ancestors']).toEqual(["'self'", ...TEAMS_FRAME_ANCESTORS]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    // Would stop Teams from framing the tab; frame-ancestors replaces it.
    expect(headers.get('x-frame-options')).toBeNull();
    // Would cut the Teams sign-in pop-up off from its opener.
    expect(headers.get('cross-origin-opener-policy')).toBeNull();
    expect(headers.get('x-powered-by')).toBeNull();
  });

  it('let the tab load only its own scripts, its inline styles and the teams-js origin list', async () => {
    const csp = directivesOf((await fetch(`${server.baseUrl}/`)).headers.get('content-security-policy'));
    expect(csp).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'", 'https://res.cdn.office.net/teams-js/'],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'self'", ...TEAMS_FRAME_ANCESTORS],
    });
  });

  it('name Microsoft’s documented Teams and Microsoft 365 hosts, all over https', () => {
    for (const host of [
      'https://teams.microsoft.com',
      'https://*.teams.microsoft.com',
      'https://*.cloud.microsoft',
      'https://*.office.com',
      'https://*.microsoft365.com',
      'https://outlook.office365.com',
    ]) {
      expect(TEAMS_FRAME_ANCESTORS).toContain(host);
    }
    expect(TEAMS_FRAME_ANCESTORS.every((h) => h.startsWith('https://'))).toBe(true);
  });

  it('ask for https only when the app is served over https', async () => {
    expect((await fetch(`${server.baseUrl}/healthz`)).headers.get('strict-transport-security')).toBeNull();
    const https = await startTestServer({ env: { PUBLIC_URL: 'https://mentoring.example.com' }, seed: false });
    try {
      const headers = (await fetch(`${https.baseUrl}/healthz`)).headers;
      expect(headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(directivesOf(headers.get('content-security-policy'))['upgrade-insecure-requests']).toEqual([]);
    } finally {
      await https.close();
    }
  });
});
