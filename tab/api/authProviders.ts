// Who the tab says it is. Locally: a development identity the person picks (the server accepts it
// only in development mode). Inside Teams: the SSO token, which the API validates.
import { loadTeamsJs } from '../app/teamsJs';
import { strings } from '../strings';
import { ApiError, type AuthHeaderProvider } from './client';

const DEV_USER_KEY = 'mentoring.devUser';

export const devUserStore = {
  get(): string | undefined {
    try {
      return localStorage.getItem(DEV_USER_KEY) ?? undefined;
    } catch {
      return undefined; // storage can be blocked (privacy settings); then nobody is remembered
    }
  },
  set(personId: string | undefined): void {
    try {
      if (personId === undefined) localStorage.removeItem(DEV_USER_KEY);
      else localStorage.setItem(DEV_USER_KEY, personId);
    } catch {
      // not remembered; the choice still holds for this page
    }
  },
};

export const devUserAuth =
  (personId: string): AuthHeaderProvider =>
  async () => ({ 'X-Dev-User': personId });

/**
 * Teams SSO: teams-js caches the token and refreshes it when it expires. It fails when the person
 * has not consented or the app registration is incomplete; that is a sign-in problem to show, not a
 * crash, and the API is never called without a token.
 */
export const teamsSsoAuth =
  (getToken: () => Promise<string> = async () => (await loadTeamsJs()).authentication.getAuthToken()): AuthHeaderProvider =>
  async () => {
    let token: string;
    try {
      token = await getToken();
    } catch {
      throw new ApiError(401, 'sign_in_failed', strings.errors.signInFailed);
    }
    return { Authorization: `Bearer ${token}` };
  };

export const noAuth: AuthHeaderProvider = async () => ({});
