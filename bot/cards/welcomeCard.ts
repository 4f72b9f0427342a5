import { cardHeading, adaptiveCard, type AdaptiveCard } from './adaptiveCard';
import { openPlanActions, type CardLinks } from './cardLinks';
import { en, fillPlaceholders, type BotStrings } from './strings';

export interface WelcomeCardData {
  /** The person's display name, when the channel tells it. */
  displayName?: string;
  links: CardLinks;
}

/** Sent once the app is installed: what the app does and the way to the plan. */
export function welcomeCard(data: WelcomeCardData, strings: BotStrings = en): AdaptiveCard {
  const s = strings.welcome;
  const name = data.displayName?.trim();
  const title = name ? fillPlaceholders(s.titleWithName, { name }) : s.title;
  return adaptiveCard(
    [
      cardHeading(title),
      { type: 'TextBlock', text: s.intro, wrap: true },
      {
        type: 'Container',
        spacing: 'Medium',
        items: s.features.map((text) => ({ type: 'TextBlock' as const, text, wrap: true, spacing: 'Small' as const })),
      },
      { type: 'TextBlock', text: s.helpHint, wrap: true, isSubtle: true, spacing: 'Medium' },
    ],
    openPlanActions(data.links, strings),
    s.fallbackText,
  );
}
