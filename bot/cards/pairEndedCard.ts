// Told to the other person when someone's data is erased and their pair ends: neutral, naming no
// one and giving no reason, since the person who left is not to be named any more.
import { adaptiveCard, cardHeading, type AdaptiveCard } from './adaptiveCard';

export const pairEndedText = {
  title: 'Your mentoring pair has ended',
  body: 'One of your mentoring pairs has ended. Its plan stays available to you, read-only, in the Mentoring tab. Your program manager can help you find a new pairing.',
};

export function pairEndedCard(): AdaptiveCard {
  return adaptiveCard(
    [cardHeading(pairEndedText.title), { type: 'TextBlock', text: pairEndedText.body, wrap: true }],
    [],
    pairEndedText.title,
  );
}
