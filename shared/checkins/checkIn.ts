// A check-in: what the bot asks a mentee on the pair's cadence, and what they answer. One per pair
// and slot (the period it belongs to, see schedule.ts), stored in the pair's partition.
import { z } from 'zod';
import { isoInstant } from '../dates';
import { limits } from '../limits';
import { personId } from '../person';
import { entityId } from '../program';
import { wellFormed } from '../text';

export const confidence = z.number().int().min(1, 'Rate your confidence from 1 to 5.').max(5, 'Rate your confidence from 1 to 5.');

export const goalProgressStatus = z.enum(['on_track', 'at_risk', 'blocked', 'done']);
export type GoalProgressStatus = z.infer<typeof goalProgressStatus>;
export const goalProgressStatusLabel: Record<GoalProgressStatus, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  blocked: 'Blocked',
  done: 'Done',
};

const answerText = wellFormed(z.string().trim().max(limits.longText));

/** One goal's progress in a check-in: the current value of its measure, or a status. */
export const goalProgressAnswer = z
  .object({
    goalId: entityId,
    current: z.number({ invalid_type_error: 'Enter a number.' }).finite().min(-1e12).max(1e12).optional(),
    status: goalProgressStatus.optional(),
  })
  .strict()
  .refine((g) => g.current !== undefined || g.status !== undefined, { message: 'Give a current value or a status.', path: ['current'] });
export type GoalProgressAnswer = z.infer<typeof goalProgressAnswer>;

/** The answer to one of the program's own (free-text) questions: `index` is its place in the check-in's questions. */
export const checkInResponse = z.object({ index: z.number().int().min(0).max(11), answer: answerText }).strict();
export type CheckInResponse = z.infer<typeof checkInResponse>;

export const checkInAnswer = z
  .object({
    goals: z.array(goalProgressAnswer).max(limits.goalsPerPair),
    confidence,
    wins: answerText.default(''),
    blockers: answerText.default(''),
    nextSteps: answerText.default(''),
    needHelpWith: answerText.default(''),
    /** Answers to the program's own questions (checkInQuestions.ts); the default questions have their fields above. */
    responses: z.array(checkInResponse).max(12).optional(),
  })
  .strict();
export type CheckInAnswer = z.infer<typeof checkInAnswer>;

export const checkInStatus = z.enum(['sent', 'answered', 'missed']);
export type CheckInStatus = z.infer<typeof checkInStatus>;

export const mentorComment = z
  .object({
    id: entityId,
    at: isoInstant,
    by: personId,
    text: z.string().trim().min(1, 'Write a comment.').max(limits.longText),
  })
  .strict();
export type MentorComment = z.infer<typeof mentorComment>;
/** What the mentor writes: the door parses it with this before the use case stores it. */
export const mentorCommentText = mentorComment.shape.text;

/** Slot keys are sortable and safe inside Table Storage keys (see schedule.ts). */
export const slotKey = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[0-9A-Za-z-]+$/, 'A check-in slot key uses letters, digits and -.');

export const checkIn = z
  .object({
    pairId: entityId,
    slot: slotKey,
    dueAt: isoInstant,
    status: checkInStatus,
    /** The program's check-in questions when the check-in was created; the defaults when absent (created before). */
    questions: z.array(z.string().trim().min(1).max(limits.shortText)).min(1).max(12).optional(),
    sentAt: isoInstant.optional(),
    answeredAt: isoInstant.optional(),
    answeredBy: personId.optional(),
    answer: checkInAnswer.optional(),
    comments: z.array(mentorComment).max(50),
  })
  .strict();
export type CheckIn = z.infer<typeof checkIn>;

/** Blockers and help requests first: what the mentor should read before anything else. */
export function needsAttention(answer: CheckInAnswer): boolean {
  return (
    answer.blockers.trim() !== '' ||
    answer.needHelpWith.trim() !== '' ||
    answer.goals.some((g) => g.status === 'blocked' || g.status === 'at_risk')
  );
}
