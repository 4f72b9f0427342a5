import { z } from 'zod';

/** The id of a program, pair, goal or other record the app names: letters, digits, - and _. */
export const entityId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Ids use letters, digits, - and _.');
