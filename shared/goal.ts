import { z } from 'zod';
import { isoDate, isoInstant } from './dates';
import { limits } from './limits';
import { personId } from './person';
import { entityId } from './program';

export const goalStatus = z.enum(['active', 'completed', 'dropped']);
export type GoalStatus = z.infer<typeof goalStatus>;

const finite = z.number({ invalid_type_error: 'Enter a number.' }).finite().min(-1e12).max(1e12);

/**
 * The fields a person edits, grouped by SMART letter. Optional fields may be left empty while the
 * goal is drafted; `smartGaps` tells which letters are still missing.
 */
export const goalFields = {
  // Specific
  title: z.string().trim().min(1, 'Give the goal a title.').max(limits.title),
  description: z.string().trim().max(limits.description),
  // Measurable
  metric: z.string().trim().max(limits.shortText),
  unit: z.string().trim().max(limits.unit),
  baseline: finite,
  target: finite,
  current: finite,
  // Achievable
  resources: z.string().trim().max(limits.longText),
  risks: z.string().trim().max(limits.longText),
  hoursPerMonth: z.number().min(0).max(160),
  // Relevant
  priorityId: entityId,
  aspiration: z.string().trim().max(limits.longText),
  // Time-bound
  dueDate: isoDate,
} as const;

export const goal = z
  .object(goalFields)
  .partial()
  .extend({
    id: entityId,
    pairId: entityId,
    title: goalFields.title,
    description: goalFields.description,
    status: goalStatus,
    /** Increments with every change; each value has a revision entry in the goal's history. */
    revision: z.number().int().min(1),
    createdAt: isoInstant,
    createdBy: personId,
    updatedAt: isoInstant,
    updatedBy: personId,
  })
  .strict();
export type Goal = z.infer<typeof goal>;

/** The editable fields of a goal, in the order a form shows them. */
export const editableGoalFields = [
  'title',
  'description',
  'metric',
  'unit',
  'baseline',
  'target',
  'current',
  'resources',
  'risks',
  'hoursPerMonth',
  'priorityId',
  'aspiration',
  'dueDate',
] as const;
export type EditableGoalField = (typeof editableGoalFields)[number];

export const goalChange = z.enum(['created', 'updated', 'completed', 'dropped', 'reopened']);
export type GoalChange = z.infer<typeof goalChange>;

type FieldValue = string | number | null;

/**
 * One entry of a goal's history. Recalibration stays visible: every change records each field's
 * previous and new value, who made it, when, and why.
 */
export interface GoalRevision {
  goalId: string;
  revision: number;
  change: GoalChange;
  at: string;
  by: string;
  reason?: string;
  fields: { field: EditableGoalField | 'status'; from: FieldValue; to: FieldValue }[];
}

/** Progress from baseline to target, 0..1, or undefined when the goal is not measurable yet. */
export function goalProgress(g: Pick<Goal, 'baseline' | 'target' | 'current'>): number | undefined {
  if (g.baseline === undefined || g.target === undefined || g.target === g.baseline) return undefined;
  const current = g.current ?? g.baseline;
  const p = (current - g.baseline) / (g.target - g.baseline);
  return Math.min(1, Math.max(0, p));
}
