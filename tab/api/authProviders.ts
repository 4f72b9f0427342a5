// Who the tab says it is. Locally: a development identity the person picks (the server accepts it
// only in development mode). Inside Teams: the SSO token, which the API validates.
import { authentication } from '@microsoft/teams-js';
import type { AuthHeaderProvider } from './client';

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

export const devUserAuth = (personId: string): AuthHeaderProvider => async () => ({ 'X-Dev-User': personId });

/** Teams SSO: teams-js caches the token and refreshes it when it expires. */
export const teamsSsoAuth = (): AuthHeaderProvider => async () => {
  const token = await authentication.getAuthToken();
  return { Authorization: `Bearer ${token}` };
};

export const noAuth: AuthHeaderProvider = async () => ({});
