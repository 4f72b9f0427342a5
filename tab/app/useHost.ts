// Where the tab runs. teams-js `app.initialize()` rejects at once in a top-level window ("No Parent
// window found") but waits up to 60 s in a frame that is not Teams, so it races a short timeout.
import { app } from '@microsoft/teams-js';
import { useEffect, useState } from 'react';

export type TeamsTheme = 'default' | 'dark' | 'contrast';

export type Host =
  | { kind: 'detecting' }
  | { kind: 'teams'; theme: TeamsTheme }
  | { kind: 'browser' };

const TEAMS_INIT_TIMEOUT_MS = 3_000;

const asTeamsTheme = (theme: string | undefined): TeamsTheme =>
  theme === 'dark' || theme === 'contrast' ? theme : 'default';

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (v) => { clearTimeout(timer); resolve(v); },
      (e: unknown) => { clearTimeout(timer); reject(e instanceof Error ? e : new Error(String(e))); },
    );
  });
}

async function detectTeams(): Promise<TeamsTheme | undefined> {
  try {
    await withTimeout(app.initialize(), TEAMS_INIT_TIMEOUT_MS);
    const context = await withTimeout(app.getContext(), TEAMS_INIT_TIMEOUT_MS);
    app.notifySuccess();
    return asTeamsTheme(context.app.theme);
  } catch {
    return undefined;
  }
}

export function useHost(): Host {
  const [host, setHost] = useState<Host>({ kind: 'detecting' });
  useEffect(() => {
    let active = true;
    void detectTeams().then((theme) => {
      if (!active) return;
      if (theme === undefined) {
        setHost({ kind: 'browser' });
        return;
      }
      setHost({ kind: 'teams', theme });
      app.registerOnThemeChangeHandler((next) => {
        if (active) setHost({ kind: 'teams', theme: asTeamsTheme(next) });
      });
    });
    return () => {
      active = false;
    };
  }, []);
  return host;
}
