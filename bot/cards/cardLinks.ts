import type { CardAction } from './adaptiveCard';
import type { BotStrings } from './strings';

/** Where a card's buttons lead. */
export interface CardLinks {
  /** Teams deep link that opens the personal tab inside Teams. */
  tab: string;
  /**
   * The tab in a plain browser. Only for local runs (the Agents Playground hosts no tabs); outside
   * Teams there is no SSO, so production cards never carry it.
   */
  browser?: string;
}

/** "Open my plan", plus the browser link when there is one. */
export function openPlanActions(links: CardLinks, strings: BotStrings): CardAction[] {
  const actions: CardAction[] = [{ type: 'Action.OpenUrl', title: strings.actions.openPlan, url: links.tab }];
  if (links.browser) actions.push({ type: 'Action.OpenUrl', title: strings.actions.openInBrowser, url: links.browser });
  return actions;
}
