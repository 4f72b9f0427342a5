// 360 feedback: a mentee asks named people (peers, supervisors, customers) to rate the behaviors of
// one goal's strategic priority, give an example and a suggestion. Rows live in the pair's partition
// (see bot/storage/tables.ts); the rules are in feedbackService.ts and feedbackResults.ts.
import { z } from 'zod';
import { addDays, isoDate, isoInstant, todayIn, type IsoDate } from '../dates';
import { limits } from '../limits';
import { personId, tenantId } from '../person';
import { entityId } from '../program';

/** Anonymous results stay hidden until this many people have answered. */
export const ANONYMITY_THRESHOLD = 3;
export const MAX_RESPONDENTS = 20;
export const FEEDBACK_TEXT_MAX = 1_000;

export const feedbackRelation = z.enum(['peer', 'supervisor', 'customer']);
export type FeedbackRelation = z.infer<typeof feedbackRelation>;

export const feedbackRespondent = z
  .object({
    /** Entra object id (a customer is a guest in the tenant and has one too). */
    personId,
    displayName: z.string().trim().min(1).max(limits.name),
    relation: feedbackRelation,
  })
  .strict();
export type FeedbackRespondent = z.infer<typeof feedbackRespondent>;

const behavior = z.string().trim().min(1).max(limits.shortText);

const behaviors = z
  .array(behavior)
  .min(1, 'Pick at least one behavior to be rated.')
  .max(limits.behaviors)
  .refine((list) => new Set(list.map((b) => b.toLowerCase())).size === list.length, 'Each behavior is listed once.');

const respondents = z
  .array(feedbackRespondent)
  .min(1, 'Name at least one person to ask.')
  .max(MAX_RESPONDENTS)
  .refine((list) => new Set(list.map((r) => r.personId)).size === list.length, 'Each person is asked once.');

/** What the mentee fills in. Behaviors default to the goal's priority's behaviors when left out. */
export const feedbackRequestInput = z
  .object({
    goalId: entityId,
    behaviors: behaviors.optional(),
    respondents,
    closesOn: isoDate,
    anonymous: z.boolean().default(false),
    /**
     * Names one filling-in of the form (a dialog, a card): it becomes the request's id, so a retried
     * submit (Teams repeats a slow invoke; a double click) finds the request the first one stored.
     */
    submissionId: entityId.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const problem = anonymityProblem(input);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['anonymous'], message: problem });
  });
export type FeedbackRequestInput = z.input<typeof feedbackRequestInput>;
/** `feedbackRequestInput` as parsed (defaults applied): what the use case takes. */
export type ParsedFeedbackRequestInput = z.output<typeof feedbackRequestInput>;

/**
 * Anonymous results stay hidden until ANONYMITY_THRESHOLD people answered, so an anonymous request
 * to fewer people could never show its results: it is refused, in every door, with this sentence.
 */
export function anonymityProblem(input: { anonymous?: boolean; respondents: readonly unknown[] }): string | undefined {
  if (!input.anonymous || input.respondents.length >= ANONYMITY_THRESHOLD) return undefined;
  return `Anonymous results show once ${ANONYMITY_THRESHOLD} people have answered: ask at least ${ANONYMITY_THRESHOLD} people, or turn anonymity off.`;
}

export const feedbackRequestStatus = z.enum(['open', 'closed']);
export type FeedbackRequestStatus = z.infer<typeof feedbackRequestStatus>;

export const feedbackRequest = z
  .object({
    id: entityId,
    pairId: entityId,
    /** The pair's tenant: only people acting in it may answer or read the request. */
    tenantId,
    goalId: entityId,
    behaviors,
    respondents,
    closesOn: isoDate,
    anonymous: z.boolean(),
    createdBy: personId,
    createdAt: isoInstant,
    status: feedbackRequestStatus,
    /**
     * What the request card shows, as it was when the request was made: answering a request reads
     * this row and the person's answer, and never loads the plan (older rows lack them).
     */
    menteeName: z.string().max(limits.name).optional(),
    goalTitle: z.string().max(limits.title).optional(),
    /** Pending respondents are reminded once; this is when. */
    remindedAt: isoInstant.optional(),
    /** Recorded when the request closes, for the program's response rates. */
    closedAt: isoInstant.optional(),
    responseCount: z.number().int().min(0).max(MAX_RESPONDENTS).optional(),
    /** responses / respondents at closing, 0..1. */
    responseRate: z.number().min(0).max(1).optional(),
  })
  .strict();
export type FeedbackRequest = z.infer<typeof feedbackRequest>;

const feedbackText = (what: string) => z.string().trim().min(1, `Write ${what}.`).max(FEEDBACK_TEXT_MAX);

/** What a respondent submits from the card or the tab: every behavior of the request rated 1-5. */
export const feedbackAnswer = z
  .object({
    ratings: z.record(behavior, z.number().int().min(1, 'Rate from 1 to 5.').max(5, 'Rate from 1 to 5.')),
    example: feedbackText('a specific example'),
    suggestion: feedbackText('a suggestion'),
  })
  .strict();
export type FeedbackAnswer = z.infer<typeof feedbackAnswer>;

export const feedbackResponse = feedbackAnswer
  .extend({
    requestId: entityId,
    respondentId: personId,
    answeredAt: isoInstant,
    /** Set when the respondent changed their answer; a person has one answer per request. */
    updatedAt: isoInstant.optional(),
  })
  .strict();
export type FeedbackResponse = z.infer<typeof feedbackResponse>;

// A request is open through its close date everywhere on Earth: the last zone to finish the day is
// UTC-12, so nobody finds a request closed on the date it names. IANA's sign is inverted.
const LAST_ZONE_ON_EARTH = 'Etc/GMT+12';

/** The calendar date in the last time zone on Earth; a request is past once this is after closesOn. */
export function lastDateOnEarth(now: Date): IsoDate {
  return todayIn(LAST_ZONE_ON_EARTH, now);
}

export const isPastClose = (request: Pick<FeedbackRequest, 'closesOn'>, now: Date): boolean => lastDateOnEarth(now) > request.closesOn;

/** A request takes answers while it is open and its close date has not passed. */
export const acceptsResponses = (request: Pick<FeedbackRequest, 'status' | 'closesOn'>, now: Date): boolean =>
  request.status === 'open' && !isPastClose(request, now);

/**
 * The closed version of a request whose date passed, or undefined when nothing is to be done. With
 * the responses, the closed request records how many came in (the program's response rates).
 */
export function closeIfDue(
  request: FeedbackRequest,
  now: Date,
  responses?: readonly Pick<FeedbackResponse, 'respondentId'>[],
): FeedbackRequest | undefined {
  if (request.status !== 'open' || !isPastClose(request, now)) return undefined;
  const closed: FeedbackRequest = { ...request, status: 'closed', closedAt: now.toISOString() };
  if (!responses) return closed;
  const named = new Set(request.respondents.map((r) => r.personId));
  const responseCount = new Set(responses.map((r) => r.respondentId).filter((id) => named.has(id))).size;
  return { ...closed, responseCount, responseRate: Math.round((responseCount / request.respondents.length) * 100) / 100 };
}

/** Pending respondents are reminded when the close date is this near (in days, UTC). */
export const REMIND_DAYS_BEFORE_CLOSE = 2;
/** ...but never on the day they were asked: a reminder right after the request is noise. */
export const REMIND_NOT_BEFORE_MS = 24 * 3_600_000;

/** Whether it is time for the one reminder (who is pending is `pendingReminders`). */
export function reminderDue(request: FeedbackRequest, now: Date): boolean {
  if (request.remindedAt || !acceptsResponses(request, now)) return false;
  if (now.getTime() - Date.parse(request.createdAt) < REMIND_NOT_BEFORE_MS) return false;
  return addDays(todayIn('UTC', now), REMIND_DAYS_BEFORE_CLOSE) >= request.closesOn;
}

/**
 * Respondents to remind: those who have not answered a request that still takes answers. A request
 * is reminded once; after `remindedAt` is set nobody is reminded again. When to remind (e.g. two
 * days before the close date) is the scheduler's choice.
 */
export function pendingReminders(
  request: FeedbackRequest,
  responses: readonly Pick<FeedbackResponse, 'respondentId'>[],
  now: Date,
): FeedbackRespondent[] {
  if (request.remindedAt || !acceptsResponses(request, now)) return [];
  const answered = new Set(responses.map((r) => r.respondentId));
  return request.respondents.filter((r) => !answered.has(r.personId));
}

export const markReminded = (request: FeedbackRequest, now: Date): FeedbackRequest => ({ ...request, remindedAt: now.toISOString() });
