import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptiveCard';

/** A message carrying one Adaptive Card; `summary` is the text channels show where the card cannot render. */
export function cardMessage(card: AdaptiveCard): Partial<Activity> {
  const message = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  if (card.fallbackText) message.summary = card.fallbackText;
  return message;
}
