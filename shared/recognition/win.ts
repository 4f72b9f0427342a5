// A win: something the mentee achieved, recognized by the mentor (a kudos card from any chat) or
// recorded by the mentee. Wins are listed in the plan; a win appears in the program channel's
// weekly digest only with the mentee's consent for that win (capability 10), never by default.
import { z } from 'zod';
import { isoInstant } from '../dates';
import { limits } from '../limits';
import { personId } from '../person';
import { entityId } from '../program';

export const WIN_TEXT_MAX = limits.reason;

export const winInput = z
  .object({
    text: z.string().trim().min(1, 'Say what the win was.').max(WIN_TEXT_MAX),
    /** The goal the win moves forward, when there is one. */
    goalId: entityId.optional(),
    /** Consent to show it in the weekly digest; only the mentee can give it. */
    shareInDigest: z.boolean().default(false),
  })
  .strict();
export type WinInput = z.input<typeof winInput>;
/** `winInput` as parsed (trimmed, defaults applied): what the use case takes. */
export type ParsedWinInput = z.output<typeof winInput>;

export const win = z
  .object({
    id: entityId,
    pairId: entityId,
    goalId: entityId.optional(),
    text: z.string().trim().min(1).max(WIN_TEXT_MAX),
    recognizedBy: personId,
    at: isoInstant,
    /** The mentee's consent for this win to appear in the program channel's weekly digest. */
    shareInDigest: z.boolean(),
    /** The digest week (its Monday, `YYYY-MM-DD`) that showed it; a win is shown once. */
    digestWeek: z.string().optional(),
  })
  .strict();
export type Win = z.infer<typeof win>;
