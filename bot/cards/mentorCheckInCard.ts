// The mentor's view of an answered check-in: what needs attention (blockers, help requests, goals
// at risk) first, then goals, confidence, wins and next steps, and a comment box whose
// Action.Execute stores the comment and sends it to the mentee.
import type { CheckIn } from '../../shared/checkins/checkIn';
import { limits } from '../../shared/limits';
import type { MeetingSuggestion } from '../../shared/meetings/meetingSuggestions';
import { cardHeading, adaptiveCard, type AdaptiveCard, type CardElement } from './adaptiveCard';
import { answerBlocks, attentionBlock, commentBlocks, instantText, type CheckInGoal } from './checkInAnswerBlocks';
import { checkInVerbs } from './checkInCard';
import { openPlanActions, type CardLinks } from './cardLinks';
import { en, fillPlaceholders, type BotStrings } from './strings';

/** The comment box's input id. */
export const MENTOR_COMMENT_INPUT = 'comment';

export interface MentorCheckInCardData {
  checkIn: CheckIn;
  goals: readonly CheckInGoal[];
  menteeName: string;
  mentorName: string;
  links: CardLinks;
  /** After a comment: whether it reached the mentee's chat. */
  commentDelivery?: 'sent' | 'not_delivered';
  /** What to fix in the comment, when the server refused it (the text is kept). */
  problems?: readonly string[];
  /** The comment as typed, kept when refused. */
  commentValue?: string;
  /** Meeting times inside both people's working hours, each with its Teams draft link. */
  meetings?: readonly MeetingSuggestion[];
}

export function mentorCheckInCard(data: MentorCheckInCardData, strings: BotStrings = en): AdaptiveCard {
  const s = strings.mentorCheckIn;
  const names = { mentee: data.menteeName };
  const { checkIn } = data;
  const body: CardElement[] = [
    cardHeading(fillPlaceholders(s.title, names)),
    {
      type: 'TextBlock',
      text: fillPlaceholders(s.period, { slot: checkIn.slot, answeredAt: checkIn.answeredAt ? instantText(checkIn.answeredAt) : '' }),
      isSubtle: true,
      wrap: true,
      spacing: 'Small',
    },
  ];
  if (checkIn.answer) {
    const attention = attentionBlock(checkIn.answer, data.goals, strings);
    if (attention) body.push(attention);
    body.push(...answerBlocks(checkIn.answer, data.goals, strings, checkIn));
  }
  body.push(...commentBlocks(checkIn, data.mentorName, strings));
  if (data.meetings && data.meetings.length > 0) {
    body.push(
      { type: 'TextBlock', text: s.meetingsHeading, weight: 'Bolder', wrap: true, spacing: 'Large' },
      { type: 'TextBlock', text: s.meetingsIntro, isSubtle: true, wrap: true, spacing: 'Small' },
      {
        type: 'ActionSet',
        actions: data.meetings.map((m) => ({
          type: 'Action.OpenUrl' as const,
          title: fillPlaceholders(s.meetingSlot, { start: instantText(m.start) }),
          url: m.draftLink,
        })),
      },
    );
  }
  if (data.commentDelivery) {
    const text = data.commentDelivery === 'sent' ? s.commentSent : s.commentStoredNotDelivered;
    body.push({
      type: 'Container',
      style: data.commentDelivery === 'sent' ? 'good' : 'warning',
      spacing: 'Medium',
      items: [{ type: 'TextBlock', text: fillPlaceholders(text, names), wrap: true }],
    });
  }
  if (data.problems && data.problems.length > 0) {
    body.push({
      type: 'Container',
      style: 'attention',
      spacing: 'Medium',
      items: data.problems.map((p) => ({ type: 'TextBlock' as const, text: p, wrap: true })),
    });
  }
  body.push({
    type: 'Input.Text',
    id: MENTOR_COMMENT_INPUT,
    label: fillPlaceholders(s.commentLabel, names),
    placeholder: fillPlaceholders(s.commentPlaceholder, names),
    isMultiline: true,
    isRequired: true,
    maxLength: limits.longText,
    errorMessage: fillPlaceholders(s.commentError, { max: String(limits.longText) }),
    spacing: 'Large',
    ...(data.commentValue ? { value: data.commentValue.slice(0, limits.longText) } : {}),
  });
  return adaptiveCard(
    body,
    [
      { type: 'Action.Execute', title: s.submit, verb: checkInVerbs.comment, data: { pairId: checkIn.pairId, slot: checkIn.slot } },
      ...openPlanActions(data.links, strings),
    ],
    fillPlaceholders(s.fallbackText, names),
  );
}
