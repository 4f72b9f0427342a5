// Which sign-in the tab uses, decided from where it runs and what the server offers. Only a server
// running with the development identity answers `GET /api/dev/people`; every other server expects
// the Teams SSO token, which exists only inside Teams. Outside Teams such a server gets no guess and
// no fallback: the tab says to open the app in Teams.
import type { Host } from './useHost';

export type SignInChoice = 'connecting' | 'connect_failed' | 'development' | 'teams_sso' | 'open_in_teams';

/** How `GET /api/dev/people` (asked without an identity) was answered. */
export type DevPeopleAnswer = { status: 'loading' } | { status: 'ready' } | { status: 'error'; httpStatus: number };

// 401 (no token yet), 403 or 404: the list is not there, so the server wants Teams SSO.
const NO_DEVELOPMENT_IDENTITY = [401, 403, 404];

export function signInChoice(host: Exclude<Host['kind'], 'detecting'>, devPeople: DevPeopleAnswer): SignInChoice {
  if (devPeople.status === 'loading') return 'connecting';
  if (devPeople.status === 'ready') return 'development';
  if (!NO_DEVELOPMENT_IDENTITY.includes(devPeople.httpStatus)) return 'connect_failed';
  return host === 'teams' ? 'teams_sso' : 'open_in_teams';
}
