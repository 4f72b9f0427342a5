// What replaces the check-in card once it is answered: the answer, read-only, as it was stored.
// Also what a mentee gets when the mentor comments (with the comments).
import type { CheckIn } from '../../shared/checkins/checkIn';
import { adaptiveCard, cardHeading, type AdaptiveCard, type CardElement } from './adaptiveCard';
import { answerBlocks, attentionBlock, commentBlocks, instantText, type CheckInGoal } from './checkInAnswerBlocks';
import { openPlanActions, type CardLinks } from './cardLinks';
import { en, fillPlaceholders, type BotStrings } from './strings';

export interface CheckInSummaryCardData {
  checkIn: CheckIn;
  goals: readonly CheckInGoal[];
  mentorName: string;
  links: CardLinks;
  /** The check-in was answered before with other content: say that the first answer stands. */
  keptFirst?: boolean;
}

export function checkInSummaryCard(data: CheckInSummaryCardData, strings: BotStrings = en): AdaptiveCard {
  const s = strings.checkInSummary;
  const { checkIn } = data;
  const body: CardElement[] = [
    cardHeading(s.title),
    {
      type: 'TextBlock',
      text: fillPlaceholders(s.period, { slot: checkIn.slot, answeredAt: checkIn.answeredAt ? instantText(checkIn.answeredAt) : '' }),
      isSubtle: true,
      wrap: true,
      spacing: 'Small',
    },
  ];
  if (data.keptFirst)
    body.push({ type: 'Container', style: 'warning', spacing: 'Medium', items: [{ type: 'TextBlock', text: s.keptFirst, wrap: true }] });
  if (checkIn.answer) {
    const attention = attentionBlock(checkIn.answer, data.goals, strings);
    if (attention) body.push(attention);
    body.push(...answerBlocks(checkIn.answer, data.goals, strings, checkIn));
  }
  body.push(...commentBlocks(checkIn, data.mentorName, strings));
  return adaptiveCard(body, openPlanActions(data.links, strings), s.fallbackText);
}

export type MenteeCommentCardData = Omit<CheckInSummaryCardData, 'keptFirst'>;

/** Sent to the mentee when the mentor comments: the new comment first, then the answer it is about. */
export function menteeCommentCard(data: MenteeCommentCardData, strings: BotStrings = en): AdaptiveCard {
  const s = strings.menteeComment;
  const latest = data.checkIn.comments[data.checkIn.comments.length - 1];
  const body: CardElement[] = [
    cardHeading(fillPlaceholders(s.title, { mentor: data.mentorName })),
    { type: 'TextBlock', text: fillPlaceholders(s.period, { slot: data.checkIn.slot }), isSubtle: true, wrap: true, spacing: 'Small' },
  ];
  if (latest)
    body.push({ type: 'Container', style: 'emphasis', spacing: 'Medium', items: [{ type: 'TextBlock', text: latest.text, wrap: true }] });
  if (data.checkIn.answer) body.push(...answerBlocks(data.checkIn.answer, data.goals, strings, data.checkIn));
  return adaptiveCard(body, openPlanActions(data.links, strings), fillPlaceholders(s.fallbackText, { mentor: data.mentorName }));
}
