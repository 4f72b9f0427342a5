// Where the tab runs. teams-js `app.initialize()` rejects at once in a top-level window ("No Parent
// window found") but waits up to 60 s in a frame that is not Teams, so it races a short timeout. A
// top-level window without an opener cannot be Teams, so there teams-js is not even downloaded.
import { useEffect, useState } from 'react';
import { parsePlanPath, type PlanLinkRef } from '../../shared/planLinks';
import { loadTeamsJs } from './teamsJs';

export type TeamsTheme = 'default' | 'dark' | 'contrast';

export type Host =
  { kind: 'detecting' } | { kind: 'teams'; theme: TeamsTheme; link?: PlanLinkRef } | { kind: 'browser'; link?: PlanLinkRef };

const TEAMS_INIT_TIMEOUT_MS = 3_000;

const asTeamsTheme = (theme: string | undefined): TeamsTheme => (theme === 'dark' || theme === 'contrast' ? theme : 'default');

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/**
 * The plan or goal the tab was opened at: inside Teams the deep link's `subEntityId` (the context's
 * `page.subPageId`), in a browser the path (`/plans/{pairId}[/goals/{goalId}]`).
 */
const linkFrom = (path: string | undefined): { link?: PlanLinkRef } => {
  const link = path ? parsePlanPath(path) : undefined;
  return link ? { link } : {};
};

const mayBeInTeams = () => window.parent !== window || window.opener != null;

async function detectTeams(): Promise<{ theme: TeamsTheme; subPageId?: string } | undefined> {
  if (!mayBeInTeams()) return undefined;
  try {
    const { app } = await loadTeamsJs();
    await withTimeout(app.initialize(), TEAMS_INIT_TIMEOUT_MS);
    const context = await withTimeout(app.getContext(), TEAMS_INIT_TIMEOUT_MS);
    app.notifySuccess();
    return { theme: asTeamsTheme(context.app.theme), subPageId: context.page.subPageId };
  } catch {
    return undefined;
  }
}

export function useHost(): Host {
  const [host, setHost] = useState<Host>({ kind: 'detecting' });
  useEffect(() => {
    let active = true;
    void detectTeams().then((teams) => {
      if (!active) return;
      if (teams === undefined) {
        setHost({ kind: 'browser', ...linkFrom(window.location.pathname) });
        return;
      }
      const link = linkFrom(teams.subPageId);
      setHost({ kind: 'teams', theme: teams.theme, ...link });
      void loadTeamsJs().then(({ app }) =>
        app.registerOnThemeChangeHandler((next) => {
          if (active) setHost({ kind: 'teams', theme: asTeamsTheme(next), ...link });
        }),
      );
    });
    return () => {
      active = false;
    };
  }, []);
  return host;
}
