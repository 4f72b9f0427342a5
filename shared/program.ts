import { z } from 'zod';
import { isoDate } from './dates';
import { limits } from './limits';
import { personId, tenantId } from './person';
import { entityId } from './ids';
import { surveyQuestion, defaultSurveyQuestions, type SurveyQuestion } from './survey/survey';

export { entityId };

export const cadence = z.enum(['weekly', 'biweekly', 'monthly']);
export type Cadence = z.infer<typeof cadence>;
export const cadenceLabel: Record<Cadence, string> = { weekly: 'Weekly', biweekly: 'Every two weeks', monthly: 'Monthly' };

export const strategicPriority = z
  .object({
    id: entityId,
    name: z.string().trim().min(1).max(limits.name),
    description: z.string().max(limits.longText),
    /** Observable behaviors that show progress on this priority; rated in 360 feedback. */
    behaviors: z.array(z.string().trim().min(1).max(limits.shortText)).max(limits.behaviors),
    /** Kept for the goals that name it, but no longer offered for new goals. */
    archived: z.boolean().optional(),
  })
  .strict();
export type StrategicPriority = z.infer<typeof strategicPriority>;

export const scorecardMetric = z
  .object({
    id: entityId,
    name: z.string().trim().min(1).max(limits.name),
    description: z.string().max(limits.longText),
    /** Where a checkpoint's value comes from. */
    source: z.enum(['milestones', 'rating', 'feedback']),
    scale: z.object({ min: z.number(), max: z.number() }).strict(),
  })
  .strict();
export type ScorecardMetric = z.infer<typeof scorecardMetric>;

export const defaultScorecardMetrics: ScorecardMetric[] = [
  {
    id: 'task-completion',
    name: 'Task completion rate',
    description: 'Share of milestones done by their due date.',
    source: 'milestones',
    scale: { min: 0, max: 100 },
  },
  {
    id: 'quality',
    name: 'Quality of outcomes',
    description: 'Rated together at each checkpoint.',
    source: 'rating',
    scale: { min: 1, max: 5 },
  },
  {
    id: 'stakeholder-satisfaction',
    name: 'Stakeholder satisfaction',
    description: 'Average rating from 360 feedback responses.',
    source: 'feedback',
    scale: { min: 1, max: 5 },
  },
  {
    id: 'learning-transfer',
    name: 'Speed of learning transfer',
    description: 'How quickly new skills show up in the work, rated at each checkpoint.',
    source: 'rating',
    scale: { min: 1, max: 5 },
  },
];

export const defaultCheckInQuestions = [
  'How did each goal move since the last check-in?',
  'How confident are you about the next period (1-5)?',
  'What went well?',
  'What is blocking you?',
  'What are your next steps?',
  'I need help with...',
];

const programFields = {
  id: entityId,
  /** The tenant whose program this is; its managers and people are of this tenant only. */
  tenantId,
  name: z.string().trim().min(1).max(limits.name),
  priorities: z.array(strategicPriority).min(1).max(limits.priorities),
  checkInCadence: cadence,
  checkpointIntervalMonths: z.number().int().min(1).max(12),
  cycleStart: isoDate,
  cycleEnd: isoDate,
  renewalDate: isoDate,
  scorecardMetrics: z.array(scorecardMetric).min(1).max(10),
  checkInQuestions: z.array(z.string().trim().min(1).max(limits.shortText)).min(1).max(12),
  /** Program managers (HR / L&D) by Entra object id. */
  managerIds: z.array(personId).max(50),
  /** Days the data of an ended pair is kept before it is purged; 730 (two years) when not set (shared/privacy/retention.ts). */
  retentionDays: z.number().int().min(30).max(3650).optional(),
  /** The program survey's questions for the current cycle; defaultSurveyQuestions when not set (surveyQuestionsOf). */
  surveyQuestions: z
    .array(surveyQuestion)
    .min(1)
    .max(12)
    .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, 'Each survey question needs its own id.')
    .optional(),
};

const cycleInOrder = {
  check: (p: { cycleStart: string; cycleEnd: string }) => p.cycleStart < p.cycleEnd,
  message: 'The cycle must end after it starts.',
  path: ['cycleEnd'],
};

export const program = z
  .object(programFields)
  .strict()
  .refine(cycleInOrder.check, { message: cycleInOrder.message, path: cycleInOrder.path });

/** What a program manager edits: everything but the id, which the address names, and the tenant. */
export const programSettingsInput = z
  .object(programFields)
  .omit({ id: true, tenantId: true })
  .strict()
  .refine(cycleInOrder.check, { message: cycleInOrder.message, path: cycleInOrder.path });
export type ProgramSettingsInput = z.infer<typeof programSettingsInput>;
export type Program = z.infer<typeof program>;

export const priorityById = (p: Program, id: string | undefined): StrategicPriority | undefined =>
  id === undefined ? undefined : p.priorities.find((x) => x.id === id);

/** The program's survey questions: its own, or the default ones. */
export const surveyQuestionsOf = (p: Pick<Program, 'surveyQuestions'>): SurveyQuestion[] => p.surveyQuestions ?? defaultSurveyQuestions;

/** The priorities a new goal may name: the program's, without the archived ones. */
export const offeredPriorities = (priorities: readonly StrategicPriority[]): StrategicPriority[] => priorities.filter((p) => !p.archived);
