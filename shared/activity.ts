import { z } from 'zod';
import { isoDate } from './dates';
import { limits } from './limits';
import { entityId } from './program';

export const activityKind = z.enum([
  'stretch_assignment',
  'cross_functional_exposure',
  'targeted_learning',
  'certification',
  'networking',
  'mentoring_others',
]);
export type ActivityKind = z.infer<typeof activityKind>;
export const activityKindLabel: Record<ActivityKind, string> = {
  stretch_assignment: 'Stretch assignment',
  cross_functional_exposure: 'Cross-functional exposure',
  targeted_learning: 'Targeted learning',
  certification: 'Certification',
  networking: 'Networking',
  mentoring_others: 'Mentoring others',
};

export const activityStatus = z.enum(['planned', 'in_progress', 'done']);
export type ActivityStatus = z.infer<typeof activityStatus>;
export const activityStatusLabel: Record<ActivityStatus, string> = { planned: 'Planned', in_progress: 'In progress', done: 'Done' };

export const developmentActivity = z
  .object({
    id: entityId,
    goalId: entityId,
    kind: activityKind,
    title: z.string().trim().min(1, 'Give the activity a title.').max(limits.title),
    notes: z.string().trim().max(limits.longText),
    status: activityStatus,
    dueDate: isoDate.optional(),
  })
  .strict();
export type DevelopmentActivity = z.infer<typeof developmentActivity>;
