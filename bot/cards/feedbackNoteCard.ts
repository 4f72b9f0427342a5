// The card "Send feedback" puts into a chat: a mentor's feedback to their mentee about one goal.
// The same text is kept in the pair's journal; the card is what the chat sees.
import { cardHeading, adaptiveCard, type AdaptiveCard } from './adaptiveCard';
import { en, fillPlaceholders, type BotStrings } from './strings';

export interface FeedbackNoteCardData {
  mentorName: string;
  menteeName: string;
  goalTitle: string;
  text: string;
  /** The day it was written, `YYYY-MM-DD` in the mentor's time zone. */
  date: string;
}

export function feedbackNoteCard(data: FeedbackNoteCardData, strings: BotStrings = en): AdaptiveCard {
  const s = strings.messageExtension.feedbackNote;
  return adaptiveCard(
    [
      cardHeading(fillPlaceholders(s.title, { mentee: data.menteeName })),
      {
        type: 'TextBlock',
        text: fillPlaceholders(s.from, { mentor: data.mentorName, date: data.date, goal: data.goalTitle }),
        isSubtle: true,
        wrap: true,
        spacing: 'Small',
      },
      { type: 'Container', style: 'emphasis', spacing: 'Medium', items: [{ type: 'TextBlock', text: data.text, wrap: true }] },
      { type: 'TextBlock', text: s.kept, isSubtle: true, wrap: true, spacing: 'Small' },
    ],
    [],
    fillPlaceholders(s.fallbackText, { mentor: data.mentorName, mentee: data.menteeName }),
  );
}
