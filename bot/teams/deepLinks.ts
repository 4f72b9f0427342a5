import type { CardLinks } from '../cards/cardLinks';
import type { AppConfig } from '../config';

/** The personal tab's `entityId` in appPackage/manifest.json. */
export const PLAN_TAB_ENTITY_ID = 'mentoring';

/**
 * A Teams deep link opens the personal tab inside the Teams client (desktop, web, mobile), with
 * SSO; a plain URL would open a browser outside Teams. The app id must be the id Teams knows the
 * app by: the manifest id for an uploaded custom app, the org catalog id once IT publishes it
 * through the admin center.
 */
export function tabDeepLink(teamsAppId: string, entityId = PLAN_TAB_ENTITY_ID): string {
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${encodeURIComponent(entityId)}`;
}

/** Card buttons: the deep link always; in development also the tab in a browser (the Agents Playground hosts no tabs). */
export function cardLinksFor(config: Pick<AppConfig, 'mode' | 'teamsAppId' | 'publicUrl'>): CardLinks {
  const tab = tabDeepLink(config.teamsAppId);
  return config.mode === 'development' ? { tab, browser: `${config.publicUrl}/` } : { tab };
}
