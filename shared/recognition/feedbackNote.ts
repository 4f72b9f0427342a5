// Feedback a mentor sends a mentee about one goal, from any chat (the message extension's "Send
// feedback"). It is kept in the pair's journal as an entry of kind `feedback`.
import { z } from 'zod';
import { limits } from '../limits';
import { entityId } from '../program';

export const feedbackNoteInput = z
  .object({
    goalId: entityId,
    text: z.string().trim().min(1, 'Write the feedback.').max(limits.longText),
  })
  .strict();
export type FeedbackNoteInput = z.input<typeof feedbackNoteInput>;
export type ParsedFeedbackNote = z.output<typeof feedbackNoteInput>;
