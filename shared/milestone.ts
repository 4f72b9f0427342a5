import { z } from 'zod';
import { isoDate, isoInstant, type IsoDate } from './dates';
import { limits } from './limits';
import { personId } from './person';
import { entityId } from './program';

export const milestone = z
  .object({
    id: entityId,
    goalId: entityId,
    title: z.string().trim().min(1, 'Give the milestone a title.').max(limits.title),
    dueDate: isoDate,
    done: z.boolean(),
    doneAt: isoInstant.optional(),
    // Who saved it last, so a stale edit can say whether it was the same person in another window.
    // Absent on milestones saved before this was recorded.
    updatedAt: isoInstant.optional(),
    updatedBy: personId.optional(),
  })
  .strict();
export type Milestone = z.infer<typeof milestone>;

export const isOverdue = (m: Pick<Milestone, 'done' | 'dueDate'>, today: IsoDate): boolean => !m.done && m.dueDate < today;
