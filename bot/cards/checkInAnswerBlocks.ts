// The pieces of a check-in answer as card elements, shared by the mentee's read-only summary and
// the mentor's card, so an answer reads the same to both. Blockers and help requests come first:
// they are what a mentor acts on.
import { goalProgressStatusLabel, type CheckIn, type CheckInAnswer } from '../../shared/checkins/checkIn';
import { programQuestionAnswers } from '../../shared/checkins/checkInQuestions';
import type { Goal } from '../../shared/goal';
import type { CardElement, Container } from './adaptiveCard';
import { fillPlaceholders, type BotStrings } from './strings';

export type CheckInGoal = Pick<Goal, 'id' | 'title' | 'unit' | 'target'>;

/** Comments shown on a card; the rest are in the tab (a card must stay well under Teams' size limit). */
export const COMMENTS_ON_CARD = 3;

const heading = (text: string): CardElement => ({ type: 'TextBlock', text, weight: 'Bolder', wrap: true, spacing: 'Medium' });
const paragraph = (text: string): CardElement => ({ type: 'TextBlock', text, wrap: true, spacing: 'Small' });

function goalValue(progress: CheckInAnswer['goals'][number], goal: CheckInGoal | undefined, s: BotStrings['checkInAnswer']): string {
  if (progress.current === undefined) return progress.status ? goalProgressStatusLabel[progress.status] : s.nothing;
  const values = { current: String(progress.current), target: String(goal?.target ?? ''), unit: goal?.unit ?? '' };
  if (goal?.target !== undefined) return fillPlaceholders(goal.unit ? s.goalCurrentOfTargetWithUnit : s.goalCurrentOfTarget, values);
  return fillPlaceholders(goal?.unit ? s.goalCurrentWithUnit : s.goalCurrent, values);
}

/** Blockers, help requests and goals at risk or blocked, in an attention container; nothing when all is well. */
export function attentionBlock(answer: CheckInAnswer, goals: readonly CheckInGoal[], strings: BotStrings): Container | undefined {
  const s = strings.checkInAnswer;
  const items: CardElement[] = [];
  if (answer.blockers) items.push(heading(s.blockers), paragraph(answer.blockers));
  if (answer.needHelpWith) items.push(heading(s.needHelpWith), paragraph(answer.needHelpWith));
  const troubled = answer.goals.filter((g) => g.status === 'blocked' || g.status === 'at_risk');
  if (troubled.length > 0) {
    const byId = new Map(goals.map((g) => [g.id, g]));
    items.push({
      type: 'FactSet',
      facts: troubled.map((g) => ({ title: byId.get(g.goalId)?.title ?? s.unknownGoal, value: goalValue(g, byId.get(g.goalId), s) })),
    });
  }
  if (items.length === 0) return undefined;
  return {
    type: 'Container',
    style: 'attention',
    spacing: 'Medium',
    items: [{ type: 'TextBlock', text: s.needsAttention, weight: 'Bolder', wrap: true }, ...items],
  };
}

/**
 * Goals, confidence, wins and next steps, and the answers to the program's own questions (worded as
 * the check-in asked them): the rest of the answer, after what needs attention.
 */
export function answerBlocks(
  answer: CheckInAnswer,
  goals: readonly CheckInGoal[],
  strings: BotStrings,
  checkIn: Pick<CheckIn, 'questions'> = {},
): CardElement[] {
  const s = strings.checkInAnswer;
  const byId = new Map(goals.map((g) => [g.id, g]));
  const out: CardElement[] = [];
  if (answer.goals.length > 0) {
    out.push(heading(s.goals), {
      type: 'FactSet',
      facts: answer.goals.map((g) => ({ title: byId.get(g.goalId)?.title ?? s.unknownGoal, value: goalValue(g, byId.get(g.goalId), s) })),
    });
  }
  out.push({
    type: 'FactSet',
    spacing: 'Medium',
    facts: [{ title: s.confidence, value: fillPlaceholders(s.confidenceValue, { value: String(answer.confidence) }) }],
  });
  if (answer.wins) out.push(heading(s.wins), paragraph(answer.wins));
  if (answer.nextSteps) out.push(heading(s.nextSteps), paragraph(answer.nextSteps));
  for (const r of programQuestionAnswers({ ...checkIn, answer })) out.push(heading(r.question), paragraph(r.answer));
  return out;
}

/** The latest comments, oldest of them first, and a pointer to the tab for earlier ones. */
export function commentBlocks(checkIn: Pick<CheckIn, 'comments'>, mentorName: string, strings: BotStrings): CardElement[] {
  const s = strings.checkInAnswer;
  if (checkIn.comments.length === 0) return [];
  const shown = checkIn.comments.slice(-COMMENTS_ON_CARD);
  const earlier = checkIn.comments.length - shown.length;
  return [
    heading(fillPlaceholders(s.comments, { mentor: mentorName })),
    ...(earlier > 0
      ? [
          {
            type: 'TextBlock' as const,
            text: fillPlaceholders(s.earlierComments, { count: String(earlier) }),
            isSubtle: true,
            wrap: true,
            spacing: 'Small' as const,
          },
        ]
      : []),
    ...shown.map((c) => paragraph(c.text)),
  ];
}

/**
 * An instant in the reader's own time zone and locale: Adaptive Card date functions, which the
 * client expands (RFC 3339 without fractions of a second).
 */
export function instantText(iso: string): string {
  const rfc3339 = `${iso.slice(0, 19)}Z`;
  return `{{DATE(${rfc3339}, SHORT)}} {{TIME(${rfc3339})}}`;
}
