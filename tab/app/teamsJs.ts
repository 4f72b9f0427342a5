// teams-js is about a sixth of the tab's first download and only does anything inside a Teams
// host, so it loads on demand: when the tab finds itself in a frame (useHost) or needs a Teams SSO
// token. Everything after that uses the same loaded module.
import type * as TeamsJsModule from '@microsoft/teams-js';

type TeamsJs = typeof TeamsJsModule;

let loaded: TeamsJs | undefined;
let loading: Promise<TeamsJs> | undefined;

export function loadTeamsJs(): Promise<TeamsJs> {
  loading ??= import('@microsoft/teams-js').then(
    (m) => (loaded = m),
    (e: unknown) => {
      loading = undefined; // a failed download may be retried
      throw e;
    },
  );
  return loading;
}

/** teams-js once useHost has initialized it inside Teams; undefined in a browser. */
export function initializedTeamsJs(): TeamsJs | undefined {
  return loaded?.app.isInitialized() ? loaded : undefined;
}
