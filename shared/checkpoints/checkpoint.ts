// A checkpoint (capability 8): every few months (the program's `checkpointIntervalMonths`, counted
// from the pair's start date) mentor and mentee review the plan together. One record per due date,
// in the pair's partition: a draft either person prepares, then signed off by both. A signed-off
// checkpoint is read-only; a correction is a new revision, and the signed-off one is kept.
//
// Everything here is pure: due dates, periods, the scorecard arithmetic and what "missed" means.
import { z } from 'zod';
import { planPath } from '../planLinks';
import { addDays, isoDate, isoInstant, type IsoDate } from '../dates';
import { limits } from '../limits';
import type { Milestone } from '../milestone';
import { personId } from '../person';
import { entityId, type ScorecardMetric } from '../program';

/** A checkpoint not signed off this many days after its date is missed. */
export const MISSED_AFTER_DAYS = 14;
/** Both people are reminded this many days before a checkpoint. */
export const REMIND_DAYS_BEFORE = 7;
/** At most this many goals are recalibrated in one checkpoint (one transaction holds 100 writes). */
export const MAX_RECALIBRATIONS = 40;
export const MAX_BREAKTHROUGHS = 10;

// ---- due dates and periods ----

/** The date `n` intervals after `start`; a month without that day ends the interval on its last day. */
export function checkpointDueDate(startDate: IsoDate, intervalMonths: number, n: number): IsoDate {
  const [y, m, d] = startDate.split('-').map(Number) as [number, number, number];
  const months = m - 1 + intervalMonths * n;
  const year = y + Math.floor(months / 12);
  const month = ((months % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

export interface CheckpointPeriod {
  /** 1 for the first checkpoint after the start date. */
  number: number;
  dueDate: IsoDate;
  /** The period the checkpoint reviews, both dates included: the day after the previous checkpoint (or the start date) to its date. */
  from: IsoDate;
  to: IsoDate;
}

export function checkpointPeriod(startDate: IsoDate, intervalMonths: number, n: number): CheckpointPeriod {
  const dueDate = checkpointDueDate(startDate, intervalMonths, n);
  const from = n === 1 ? startDate : addDays(checkpointDueDate(startDate, intervalMonths, n - 1), 1);
  return { number: n, dueDate, from, to: dueDate };
}

/**
 * The calendar quarter (`2026-Q3`) a checkpoint is due in: the period program-wide trends compare,
 * since pairs start on different days and their checkpoint numbers do not line up.
 */
export function checkpointQuarter(dueDate: IsoDate): string {
  const [year, month] = dueDate.split('-').map(Number) as [number, number];
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The checkpoints from the first up to and including the first one on or after `today`. */
export function checkpointsUpTo(startDate: IsoDate, intervalMonths: number, today: IsoDate, max = 120): CheckpointPeriod[] {
  const out: CheckpointPeriod[] = [];
  for (let n = 1; n <= max; n++) {
    const period = checkpointPeriod(startDate, intervalMonths, n);
    out.push(period);
    if (period.dueDate >= today) break;
  }
  return out;
}

/** The checkpoint due on `dueDate`, when the schedule has one on that date. */
export function checkpointOn(startDate: IsoDate, intervalMonths: number, dueDate: IsoDate, max = 120): CheckpointPeriod | undefined {
  for (let n = 1; n <= max; n++) {
    const period = checkpointPeriod(startDate, intervalMonths, n);
    if (period.dueDate === dueDate) return period;
    if (period.dueDate > dueDate) return undefined;
  }
  return undefined;
}

/** The first checkpoint due on or after `today`. */
export function nextCheckpoint(startDate: IsoDate, intervalMonths: number, today: IsoDate): CheckpointPeriod {
  return checkpointsUpTo(startDate, intervalMonths, today).at(-1)!;
}

// ---- the record ----

export const recalibrationDecision = z.enum(['keep', 'change', 'complete', 'drop']);
export type RecalibrationDecision = z.infer<typeof recalibrationDecision>;
export const recalibrationLabel: Record<RecalibrationDecision, string> = {
  keep: 'Keep',
  change: 'Change',
  complete: 'Complete',
  drop: 'Drop',
};

export const recalibration = z
  .object({
    goalId: entityId,
    decision: recalibrationDecision,
    reason: z.string().trim().min(1, 'Say why.').max(limits.reason),
  })
  .strict();
export type Recalibration = z.infer<typeof recalibration>;

export const breakthrough = z
  .object({
    text: z.string().trim().min(1, 'Say what the breakthrough was.').max(limits.reason),
    goalId: entityId.optional(),
  })
  .strict();
export type Breakthrough = z.infer<typeof breakthrough>;

const reflectionText = z.string().trim().max(limits.longText);
export const reflections = z.object({ worked: reflectionText, didNotWork: reflectionText, insights: reflectionText }).strict();
export type Reflections = z.infer<typeof reflections>;

/** One person's ratings, by scorecard metric id (metrics whose source is `rating`). */
export const metricRatings = z.record(entityId, z.number().finite());
export type MetricRatings = z.infer<typeof metricRatings>;

/** One metric's value at a checkpoint. `value` is absent when the period gave nothing to compute it from. */
export const scorecardValue = z
  .object({
    metricId: entityId,
    value: z.number().finite().optional(),
    /** Rating metrics: each person's rating, both kept. */
    mentee: z.number().finite().optional(),
    mentor: z.number().finite().optional(),
    /** Milestone metrics: milestones done by their due date, of those due in the period. */
    done: z.number().int().min(0).optional(),
    total: z.number().int().min(0).optional(),
    /** Feedback metrics: how many answers the value averages. */
    responses: z.number().int().min(0).optional(),
  })
  .strict();
export type ScorecardValue = z.infer<typeof scorecardValue>;

export const checkpointStatus = z.enum(['draft', 'signed_off']);

export const checkpoint = z
  .object({
    tenantId: z.string().min(1).max(64),
    pairId: entityId,
    dueDate: isoDate,
    number: z.number().int().min(1),
    from: isoDate,
    to: isoDate,
    /** 1 for the first version; a correction of a signed-off checkpoint is the next. */
    revision: z.number().int().min(1),
    status: checkpointStatus,
    ratings: z.object({ mentee: metricRatings, mentor: metricRatings }).strict(),
    reflections,
    recalibrations: z.array(recalibration).max(MAX_RECALIBRATIONS),
    breakthroughs: z.array(breakthrough).max(MAX_BREAKTHROUGHS),
    /** The pair looked at their agreement (and revised it through the agreement's own form when needed). */
    agreementReviewed: z.boolean(),
    /** Sign-offs of this revision; any change to the draft clears both. */
    signedByMentorAt: isoInstant.optional(),
    signedByMenteeAt: isoInstant.optional(),
    signedOffAt: isoInstant.optional(),
    /** The scorecard as it stood at sign-off; a draft's is computed when shown. */
    scorecard: z.array(scorecardValue).optional(),
    /** The mentee shares this checkpoint's scorecard with program leadership (only the mentee sets it). */
    sharedWithProgram: z.boolean(),
    updatedAt: isoInstant,
    updatedBy: personId,
  })
  .strict();
export type Checkpoint = z.infer<typeof checkpoint>;

/** What either person saves of a draft. Ratings are the saver's own. */
export const checkpointDraftInput = z
  .object({
    myRatings: metricRatings.default({}),
    reflections: reflections.default({ worked: '', didNotWork: '', insights: '' }),
    recalibrations: z
      .array(recalibration)
      .max(MAX_RECALIBRATIONS)
      .refine((r) => new Set(r.map((x) => x.goalId)).size === r.length, 'Recalibrate each goal once.')
      .default([]),
    breakthroughs: z.array(breakthrough).max(MAX_BREAKTHROUGHS).default([]),
    agreementReviewed: z.boolean().default(false),
  })
  .strict();
export type CheckpointDraftInput = z.input<typeof checkpointDraftInput>;
export type ParsedCheckpointDraftInput = z.output<typeof checkpointDraftInput>;

export const checkpointSharingInput = z.object({ sharedWithProgram: z.boolean() }).strict();
export type CheckpointSharingInput = z.infer<typeof checkpointSharingInput>;

export function emptyCheckpoint(base: { tenantId: string; pairId: string; period: CheckpointPeriod }, at: string, by: string): Checkpoint {
  return {
    tenantId: base.tenantId,
    pairId: base.pairId,
    dueDate: base.period.dueDate,
    number: base.period.number,
    from: base.period.from,
    to: base.period.to,
    revision: 1,
    status: 'draft',
    ratings: { mentee: {}, mentor: {} },
    reflections: { worked: '', didNotWork: '', insights: '' },
    recalibrations: [],
    breakthroughs: [],
    agreementReviewed: false,
    sharedWithProgram: false,
    updatedAt: at,
    updatedBy: by,
  };
}

// ---- the scorecard ----

/** A 360 answer as the scorecard needs it: when it was given and its ratings. */
export interface FeedbackRatings {
  answeredAt: string;
  ratings: readonly number[];
}

export interface ScorecardInput {
  metrics: readonly ScorecardMetric[];
  period: Pick<CheckpointPeriod, 'from' | 'to'>;
  milestones: readonly Pick<Milestone, 'dueDate' | 'done' | 'doneAt'>[];
  feedback: readonly FeedbackRatings[];
  ratings: { mentee: MetricRatings; mentor: MetricRatings };
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const inPeriod = (date: IsoDate, p: Pick<CheckpointPeriod, 'from' | 'to'>) => p.from <= date && date <= p.to;

/** Done by its due date: done, and (when the completion time is known) not later than that date in UTC. */
const doneOnTime = (m: Pick<Milestone, 'dueDate' | 'done' | 'doneAt'>) =>
  m.done && (m.doneAt === undefined || m.doneAt.slice(0, 10) <= m.dueDate);

/**
 * Each metric of the program for one period:
 * - `milestones`: the share (0-100, whole percent) of the milestones due in the period that were done by their due date;
 * - `feedback`: the mean of every rating in the 360 answers given in the period (one decimal);
 * - `rating`: the mean of the mentee's and the mentor's rating, each kept.
 * A period with nothing to compute from (no milestones due, no answers, nobody rated) has no value, never 0.
 */
export function computeScorecard(input: ScorecardInput): ScorecardValue[] {
  return input.metrics.map((metric): ScorecardValue => {
    if (metric.source === 'milestones') {
      const due = input.milestones.filter((m) => inPeriod(m.dueDate, input.period));
      const done = due.filter(doneOnTime).length;
      const total = due.length;
      return total === 0
        ? { metricId: metric.id, done, total }
        : { metricId: metric.id, value: Math.round((done / total) * 100), done, total };
    }
    if (metric.source === 'feedback') {
      const answers = input.feedback.filter((f) => inPeriod(f.answeredAt.slice(0, 10), input.period) && f.ratings.length > 0);
      const all = answers.flatMap((a) => a.ratings);
      if (all.length === 0) return { metricId: metric.id, responses: 0 };
      return { metricId: metric.id, value: round(all.reduce((s, r) => s + r, 0) / all.length, 1), responses: answers.length };
    }
    const mentee = input.ratings.mentee[metric.id];
    const mentor = input.ratings.mentor[metric.id];
    const given = [mentee, mentor].filter((r): r is number => r !== undefined);
    return {
      metricId: metric.id,
      ...(given.length > 0 ? { value: round(given.reduce((s, r) => s + r, 0) / given.length, 1) } : {}),
      ...(mentee !== undefined ? { mentee } : {}),
      ...(mentor !== undefined ? { mentor } : {}),
    };
  });
}

/** A rating outside its metric's scale, or for a metric that is not rated: the field and the message. */
export function ratingProblems(metrics: readonly ScorecardMetric[], ratings: MetricRatings): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const [id, value] of Object.entries(ratings)) {
    const metric = metrics.find((m) => m.id === id);
    if (!metric || metric.source !== 'rating') problems.push({ path: `myRatings.${id}`, message: 'This metric is not rated by the pair.' });
    else if (!Number.isInteger(value) || value < metric.scale.min || value > metric.scale.max)
      problems.push({ path: `myRatings.${id}`, message: `Rate from ${metric.scale.min} to ${metric.scale.max}.` });
  }
  return problems;
}

// ---- status ----

export type CheckpointState = 'upcoming' | 'due' | 'in_progress' | 'signed_off' | 'missed';

/** Not signed off `MISSED_AFTER_DAYS` days after its date. The program's health counts these. */
export function isMissedCheckpoint(dueDate: IsoDate, record: Pick<Checkpoint, 'status'> | undefined, today: IsoDate): boolean {
  if (record?.status === 'signed_off') return false;
  return today > addDays(dueDate, MISSED_AFTER_DAYS);
}

/** Where a checkpoint stands for the pair today. A checkpoint is due from `REMIND_DAYS_BEFORE` days before its date. */
export function checkpointState(dueDate: IsoDate, record: Pick<Checkpoint, 'status'> | undefined, today: IsoDate): CheckpointState {
  if (record?.status === 'signed_off') return 'signed_off';
  if (isMissedCheckpoint(dueDate, record, today)) return 'missed';
  if (record) return 'in_progress';
  return today >= addDays(dueDate, -REMIND_DAYS_BEFORE) ? 'due' : 'upcoming';
}

/** The missed checkpoints of a pair up to `today`: what the program's health shows for the pair. */
export function missedCheckpoints(
  startDate: IsoDate,
  intervalMonths: number,
  records: readonly Pick<Checkpoint, 'dueDate' | 'status'>[],
  today: IsoDate,
): IsoDate[] {
  return checkpointsUpTo(startDate, intervalMonths, today)
    .map((p) => p.dueDate)
    .filter((due) =>
      isMissedCheckpoint(
        due,
        records.find((r) => r.dueDate === due),
        today,
      ),
    );
}

/** Both signed this revision. */
export const bothSigned = (c: Pick<Checkpoint, 'signedByMentorAt' | 'signedByMenteeAt'>): boolean =>
  Boolean(c.signedByMentorAt && c.signedByMenteeAt);

/** The tab's path of a pair's checkpoints (the Checkpoints place): also the Teams deep link's `subEntityId`. */
export const checkpointPath = (pairId: string): string => planPath({ pairId, place: 'checkpoints' });

/** A metric's value as people read it: a percentage, or a rating on its scale; `none` when the period gave no value. */
export function formatScorecardValue(
  metric: Pick<ScorecardMetric, 'source' | 'scale'>,
  value: ScorecardValue | undefined,
  none: string,
): string {
  if (value?.value === undefined) return none;
  return metric.source === 'milestones' ? `${value.value}%` : `${value.value} / ${metric.scale.max}`;
}
