// What the program health routes accept: one filter at a time, a cohort label or a priority id
// (`none` for goals linked to no priority).
import { z } from 'zod';
import { entityId } from '../ids';
import { limits } from '../limits';

export const healthQuery = z
  .object({
    cohort: z.string().trim().min(1).max(limits.shortText).optional(),
    priority: entityId.optional(),
  })
  .strict()
  .refine((q) => q.cohort === undefined || q.priority === undefined, {
    message: 'Filter by a cohort or by a priority, one at a time.',
    path: ['priority'],
  });
export type HealthQuery = z.infer<typeof healthQuery>;
