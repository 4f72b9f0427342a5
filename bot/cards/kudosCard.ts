// The kudos card "Recognize a win" puts into a chat: whose win, what it was, who recognized it.
// The win itself is recorded in the plan; the card is what the chat sees.
import { cardHeading, adaptiveCard, type AdaptiveCard, type CardElement } from './adaptiveCard';
import { en, fillPlaceholders, type BotStrings } from './strings';

export interface KudosCardData {
  menteeName: string;
  recognizedByName: string;
  text: string;
  goalTitle?: string;
  /** The day it was recognized, `YYYY-MM-DD` in the recognizer's time zone. */
  date: string;
  /** The mentee consented to show this win in the program channel's weekly digest. */
  sharedInDigest: boolean;
}

export function kudosCard(data: KudosCardData, strings: BotStrings = en): AdaptiveCard {
  const s = strings.messageExtension.kudos;
  const body: CardElement[] = [
    cardHeading(fillPlaceholders(s.title, { mentee: data.menteeName })),
    {
      type: 'TextBlock',
      text: fillPlaceholders(s.recognizedBy, { by: data.recognizedByName, date: data.date }),
      isSubtle: true,
      wrap: true,
      spacing: 'Small',
    },
    { type: 'Container', style: 'good', spacing: 'Medium', items: [{ type: 'TextBlock', text: data.text, wrap: true }] },
  ];
  if (data.goalTitle)
    body.push({ type: 'TextBlock', text: fillPlaceholders(s.goal, { goal: data.goalTitle }), wrap: true, spacing: 'Small' });
  if (data.sharedInDigest) body.push({ type: 'TextBlock', text: s.sharedInDigest, isSubtle: true, wrap: true, spacing: 'Small' });
  return adaptiveCard(body, [], fillPlaceholders(s.fallbackText, { mentee: data.menteeName, text: data.text }));
}
