// The tab's side of Teams SSO, run in Node against the real server with AUTH_MODE=entra: which
// sign-in the tab picks from the server's answer, and that its API client sends the Teams token.
// teams-js itself needs a Teams host; its `getAuthToken` is replaced by tokens minted here.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoPeople } from '../../bot/dev/demoData';
import { noAuth, teamsSsoAuth } from '../../tab/api/authProviders';
import { ApiError, createApiClient } from '../../tab/api/client';
import { routes } from '../../shared/api/routes';
import { call } from '../../tab/api/call';
import { signInChoice } from '../../tab/app/signInChoice';
import { strings } from '../../tab/strings';
import { startLocalEntra, type LocalEntra } from '../support/entraTokens';
import { startTestServer, type TestServer } from '../support/testServer';

describe('signInChoice', () => {
  it.each([
    ['browser', { status: 'loading' }, 'connecting'],
    ['browser', { status: 'ready' }, 'development'],
    ['teams', { status: 'ready' }, 'development'],
    ['teams', { status: 'error', httpStatus: 401 }, 'teams_sso'],
    ['teams', { status: 'error', httpStatus: 404 }, 'teams_sso'],
    ['browser', { status: 'error', httpStatus: 401 }, 'open_in_teams'],
    ['browser', { status: 'error', httpStatus: 403 }, 'open_in_teams'],
    ['browser', { status: 'error', httpStatus: 0 }, 'connect_failed'],
    ['teams', { status: 'error', httpStatus: 503 }, 'connect_failed'],
  ] as const)('in %s, with the development list %o, signs in with %s', (host, devPeople, choice) => {
    expect(signInChoice(host, devPeople)).toBe(choice);
  });
});

describe('against a server that expects Teams SSO', () => {
  let entra: LocalEntra;
  let server: TestServer;
  beforeAll(async () => {
    entra = await startLocalEntra();
    server = await startTestServer({ env: entra.productionEnv });
  });
  afterAll(async () => {
    await server?.close();
    await entra?.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const devPeopleAnswer = async () => {
    const error = await call(createApiClient(noAuth, server.baseUrl), routes.getDevPeople).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    return { status: 'error', httpStatus: (error as ApiError).status } as const;
  };

  it('offers no development list, so the tab uses SSO in Teams and points to Teams elsewhere', async () => {
    const answer = await devPeopleAnswer();
    expect(signInChoice('teams', answer)).toBe('teams_sso');
    expect(signInChoice('browser', answer)).toBe('open_in_teams');
  });

  it('is called with the Teams token as a bearer token, and answers as that person', async () => {
    const alex = demoPeople.menteeAlex;
    const getAuthToken = vi.fn(() => entra.mint({ oid: alex.id }));
    const me = await call(createApiClient(teamsSsoAuth(getAuthToken), server.baseUrl), routes.getMe);
    expect(getAuthToken).toHaveBeenCalledTimes(1);
    expect(me).toMatchObject({ person: { id: alex.id, displayName: alex.displayName }, authMode: 'entra' });
  });

  it('is not called when Teams cannot give a token; the tab shows a sign-in problem', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const client = createApiClient(
      teamsSsoAuth(() => Promise.reject(new Error('resourceRequiresConsent'))),
      server.baseUrl,
    );
    const error = await call(client, routes.getMe).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'sign_in_failed', message: strings.errors.signInFailed });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('passes the server’s refusal of a bad token on as unauthenticated', async () => {
    const client = createApiClient(
      teamsSsoAuth(() => entra.mint({ oid: demoPeople.menteeAlex.id, tid: entra.otherTenantId })),
      server.baseUrl,
    );
    await expect(call(client, routes.getMe)).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
  });
});
