// What a card action answers when it cannot be done: the reason in a sentence a person can act on
// (the Result's message), never an error's internals.
import { cardHeading, adaptiveCard, type AdaptiveCard } from './adaptiveCard';
import { en, type BotStrings } from './strings';

export function refusedCard(message: string, strings: BotStrings = en): AdaptiveCard {
  const s = strings.refused;
  return adaptiveCard(
    [
      cardHeading(s.title),
      { type: 'Container', style: 'attention', spacing: 'Medium', items: [{ type: 'TextBlock', text: message, wrap: true }] },
    ],
    [],
    s.fallbackText,
  );
}
