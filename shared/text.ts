// Text a person typed, as the app accepts it: well-formed Unicode. A lone surrogate (half of an
// emoji, cut by a client or forged) cannot be percent-encoded, so a stored one would break every
// link built from the text later (meeting drafts, deep links): it is refused where it comes in.
import type { ZodEffects, ZodString } from 'zod';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isWellFormed = (text: string): boolean => !loneSurrogate.test(text);

/** The same text with any lone surrogate replaced by U+FFFD, for text stored before it was checked. */
export const toWellFormed = (text: string): string => text.replace(new RegExp(loneSurrogate.source, 'g'), '\uFFFD');

export const BROKEN_CHARACTER_MESSAGE = 'Remove the broken character (half of an emoji or symbol).';

/** A string schema that also refuses ill-formed Unicode. */
export const wellFormed = (schema: ZodString): ZodEffects<ZodString, string, string> =>
  schema.refine((text) => isWellFormed(text), BROKEN_CHARACTER_MESSAGE);
