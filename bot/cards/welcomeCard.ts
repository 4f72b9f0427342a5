import { cardHeading, adaptiveCard, type AdaptiveCard } from './adaptiveCard';
import { openPlanActions, type CardLinks } from './cardLinks';
import { en, fillPlaceholders, type BotStrings } from './strings';

export interface WelcomeCardData {
  /** The person's display name, when the channel tells it. */
  displayName?: string;
  links: CardLinks;
  /** Set when a program manager has just paired the person: the other person, and this person's role. */
  pairedWith?: { name: string; role: 'mentor' | 'mentee' };
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
      ...pairedBlocks(data.pairedWith, strings),
      { type: 'TextBlock', text: s.helpHint, wrap: true, isSubtle: true, spacing: 'Medium' },
    ],
    openPlanActions(data.links, strings),
    data.pairedWith ? fillPlaceholders(s.pairedFallbackText, { name: data.pairedWith.name }) : s.fallbackText,
  );
}

function pairedBlocks(pairedWith: WelcomeCardData['pairedWith'], strings: BotStrings) {
  if (!pairedWith) return [];
  const s = strings.welcome;
  const who = fillPlaceholders(pairedWith.role === 'mentee' ? s.pairedAsMentee : s.pairedAsMentor, { name: pairedWith.name });
  return [
    { type: 'TextBlock' as const, text: who, wrap: true, weight: 'Bolder' as const, spacing: 'Medium' as const },
    { type: 'TextBlock' as const, text: s.pairedNext, wrap: true, spacing: 'Small' as const },
  ];
}
