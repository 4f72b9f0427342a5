// The matching API's contract: the caller's strengths, suggested mentors for a mentee, and a new
// pair created by a program manager.
import { z } from 'zod';
import { limits } from '../limits';
import { personId } from '../person';
import { entityId } from '../program';
import type { MentorSuggestion } from './suggestMentors';

/** A person's strengths as a mentor: behaviors, once each (compared without regard to case). */
export const strengthsInput = z
  .object({
    strengths: z
      .array(z.string().trim().min(1).max(limits.name))
      .max(20)
      .refine((list) => new Set(list.map((s) => s.toLocaleLowerCase())).size === list.length, 'List each strength once.'),
  })
  .strict();
export type StrengthsInput = z.infer<typeof strengthsInput>;

export interface StrengthsView {
  strengths: string[];
}

export const matchingParams = z.object({ programId: entityId, menteeId: personId }).strict();

export interface MatchingView {
  menteeId: string;
  /** The behaviors the priorities of the mentee's open goals in this program ask for. */
  neededBehaviors: string[];
  /** Best first, each with its reasons. */
  suggestions: MentorSuggestion[];
}

export const pairCreateInput = z
  .object({ mentorId: personId, menteeId: personId })
  .strict()
  .refine((p) => p.mentorId !== p.menteeId, { message: 'A person cannot mentor themselves.', path: ['mentorId'] });
export type PairCreateInput = z.infer<typeof pairCreateInput>;
