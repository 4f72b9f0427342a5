// "Open plan" buttons for the app's own plan and goal links (shared/planLinks.ts builds and parses them).
import { planPath, planUrl, type PlanLinkRef } from '../../shared/planLinks';
import type { CardAction } from './adaptiveCard';
import type { CardLinks } from './cardLinks';
import { en, type BotStrings } from './strings';

export { parsePlanPath, parsePlanUrl, planPath, planUrl, type PlanLinkRef } from '../../shared/planLinks';

/**
 * "Open plan": the personal tab inside Teams at this plan (the deep link's `subEntityId` is the
 * plan path, which the tab reads from its context), and in development the same page in a browser.
 */
export function openPlanAt(links: CardLinks, ref: PlanLinkRef, strings: BotStrings = en): CardAction[] {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: planPath(ref) }));
  const actions: CardAction[] = [
    { type: 'Action.OpenUrl', title: strings.messageExtension.goalCard.openPlan, url: `${links.tab}?context=${context}` },
  ];
  if (links.browser) actions.push({ type: 'Action.OpenUrl', title: strings.actions.openInBrowser, url: planUrl(links.browser, ref) });
  return actions;
}
