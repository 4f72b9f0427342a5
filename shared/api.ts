// The contract between the tab and the API: paths, request bodies and response shapes. The server
// parses every body and parameter with these schemas; the tab uses the same ones for inline
// validation, so both say the same thing about bad input. Which route takes which schema and
// answers what is in the route table, shared/api/routes.ts.
import { z } from 'zod';
import { activityKind, activityStatus, type DevelopmentActivity } from './activity';
import { isoDate, type IsoDate } from './dates';
import { goalFields, goalStatus, type Goal, type GoalRevision } from './goal';
import { limits } from './limits';
import { agreement, type Mentorship, type MentorshipStatus, type PairRole } from './mentorship';
import type { Milestone } from './milestone';
import type { PersonSummary } from './person';
import type { GoalPermissions, PlanPermissions } from './policy';
import { entityId, type Cadence, type StrategicPriority } from './program';
import type { Versioned } from './result';
import type { SmartGap } from './smart';
import type { FeedbackRequest } from './feedback/feedbackRequest';
import type { FeedbackResults } from './feedback/feedbackResults';
import type { Win } from './recognition/win';
import { mentorComment, slotKey } from './checkins/checkIn';

export type { Versioned };

export const paths = {
  me: '/api/me',
  devPeople: '/api/dev/people',
  plan: '/api/pairs/:pairId/plan',
  agreement: '/api/pairs/:pairId/agreement',
  agreementAccept: '/api/pairs/:pairId/agreement/accept',
  goals: '/api/pairs/:pairId/goals',
  goal: '/api/pairs/:pairId/goals/:goalId',
  goalHistory: '/api/pairs/:pairId/goals/:goalId/history',
  milestones: '/api/pairs/:pairId/goals/:goalId/milestones',
  milestone: '/api/pairs/:pairId/goals/:goalId/milestones/:milestoneId',
  activities: '/api/pairs/:pairId/goals/:goalId/activities',
  activity: '/api/pairs/:pairId/goals/:goalId/activities/:activityId',
  programSettings: '/api/programs/:programId',
  checkIns: '/api/pairs/:pairId/checkins',
  /** The mentor's comment on an answered check-in (the same use case as the card's). */
  checkInComments: '/api/pairs/:pairId/checkins/:slot/comments',
  /** People known to the app, for choosing feedback respondents outside Teams (`?search=`). */
  people: '/api/people',
  feedbackRequests: '/api/pairs/:pairId/feedback-requests',
  feedbackResults: '/api/pairs/:pairId/feedback-requests/:requestId/results',
  /** The 360 requests that name the caller, whoever they are (a pair is not needed to be asked). */
  myFeedbackRequests: '/api/me/feedback-requests',
  /** The caller's answer to one of them (PUT: answering again replaces it while the request is open). */
  myFeedbackAnswer: '/api/me/feedback-requests/:pairId/:requestId/answer',
  wins: '/api/pairs/:pairId/wins',
  win: '/api/pairs/:pairId/wins/:winId',
  /** The pair's checkpoints up to the next one, with the scorecard over time. */
  checkpoints: '/api/pairs/:pairId/checkpoints',
  /** One checkpoint, by its due date: GET it, POST starts the draft, PUT saves the draft. */
  checkpoint: '/api/pairs/:pairId/checkpoints/:dueDate',
  checkpointSignOff: '/api/pairs/:pairId/checkpoints/:dueDate/sign-off',
  checkpointCorrections: '/api/pairs/:pairId/checkpoints/:dueDate/corrections',
  checkpointSharing: '/api/pairs/:pairId/checkpoints/:dueDate/sharing',
  /** Everything the app holds about the caller, as one JSON download (capability 14). */
  myDataExport: '/api/me/export',
  /** The pair's journal (GET a page, filtered; POST a note). */
  journal: '/api/pairs/:pairId/journal',
  journalEntry: '/api/pairs/:pairId/journal/:entryId',
  /** The mentee's consent to show one entry to the program's leadership (PUT `{ shared }`). */
  journalSharing: '/api/pairs/:pairId/journal/:entryId/sharing',
  /** A program manager's view of one pair: what its mentee shared, nothing else. */
  trail: '/api/programs/:programId/trail/:pairId',
  /** The caller's own strengths as a mentor (PUT replaces them). */
  myStrengths: '/api/me/strengths',
  /** Suggested mentors for one mentee of a program, for its managers. */
  matching: '/api/programs/:programId/matching/:menteeId',
  /** A new pair of a program, created by one of its managers. */
  programPairs: '/api/programs/:programId/pairs',
  /** The program survey of the current cycle, for a participant: its questions, and whether they answered. */
  survey: '/api/programs/:programId/survey',
  /** The caller's answers (PUT: answering again in the same cycle replaces them). */
  surveyAnswers: '/api/programs/:programId/survey/answers',
  /** The survey's results, for the program's managers: aggregates over five or more people only. */
  surveyResults: '/api/programs/:programId/survey/results',
  /** The program's health for its managers (`?cohort=` or `?priority=`): figures over five or more people only. */
  programHealth: '/api/programs/:programId/health',
  /** The same figures as a CSV download, one row per figure, a note where a figure is hidden. */
  programHealthCsv: '/api/programs/:programId/health.csv',
  /** The programs the caller manages (none for everyone else). */
  myPrograms: '/api/me/programs',
  /** The pair's renewal at the end of the cycle: GET whether it is open and what was decided, PUT the decision. */
  renewal: '/api/pairs/:pairId/renewal',
  /** Who is enrolled in a program (GET), and enrolling one person (POST), for its managers. */
  enrolments: '/api/programs/:programId/enrolments',
  /** One person's enrolment (DELETE removes it; `?role=` for one of two roles). */
  enrolment: '/api/programs/:programId/enrolments/:personId',
  /** A cohort file (text/csv, or JSON `{ csv }`): `?dryRun=true` checks it, without it enrols all or none. */
  enrolmentImport: '/api/programs/:programId/enrolments/import',
  /** The cohort file's template, as CSV. */
  enrolmentTemplate: '/api/programs/:programId/enrolments/template.csv',
  /** A mentee or mentor asks, privately, to be re-paired: only the program's managers see it. */
  repairRequest: '/api/pairs/:pairId/repair-request',
  /** The program's open re-pair requests and mentor candidates, for its managers. */
  programRequests: '/api/programs/:programId/requests',
  programRequestHandled: '/api/programs/:programId/requests/:requestId/handled',
} as const;

/** Fill a path template: `pathFor(paths.goal, { pairId, goalId })`. Values are URL-encoded. */
export function pathFor(template: string, params: Record<string, string>): string {
  return template.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** For a path without parameters: anything Express found there is not ours. */
export const noParams = z.object({}).strict();
export const pairParams = z.object({ pairId: entityId }).strict();
export const programParams = z.object({ programId: entityId }).strict();
export const goalParams = z.object({ pairId: entityId, goalId: entityId }).strict();
export const milestoneParams = goalParams.extend({ milestoneId: entityId }).strict();
export const activityParams = goalParams.extend({ activityId: entityId }).strict();
export const feedbackRequestParams = pairParams.extend({ requestId: entityId }).strict();
export const winParams = pairParams.extend({ winId: entityId }).strict();
export const checkInParams = pairParams.extend({ slot: slotKey }).strict();
export const checkpointParams = pairParams.extend({ dueDate: isoDate }).strict();
/** Erasing the caller's data cannot be undone: the request must say so (`DELETE /api/me?confirm=true`). */
export const eraseMeQuery = z
  .object({ confirm: z.string().max(10).optional() })
  .strict()
  .pipe(
    z.object({
      confirm: z.literal('true', { errorMap: () => ({ message: 'Erasing your data cannot be undone: confirm with confirm=true.' }) }),
    }),
  );
/** The people search answers from this many characters of a name: never the whole directory. */
export const PEOPLE_SEARCH_MIN_LENGTH = 2;
export const peopleSearchTooShort = `Type at least ${PEOPLE_SEARCH_MIN_LENGTH} letters of a name.`;
/** `search` is required: a query without it is refused by the search itself (never the whole directory). */
export const peopleQuery = z
  .object({ search: z.string().trim().min(PEOPLE_SEARCH_MIN_LENGTH, peopleSearchTooShort).max(limits.name).optional() })
  .strict();

const targetDiffersFromBaseline = (g: { baseline?: number | null; target?: number | null }) =>
  g.baseline === undefined || g.baseline === null || g.target === undefined || g.target === null || g.baseline !== g.target;
const targetMessage = { message: 'The target must differ from the baseline, or there is nothing to achieve.', path: ['target'] };

export const goalCreateInput = z
  .object(goalFields)
  .partial()
  .extend({ title: goalFields.title, description: goalFields.description.default('') })
  .strict()
  .refine(targetDiffersFromBaseline, targetMessage);
export type GoalCreateInput = z.infer<typeof goalCreateInput>;

/** A goal edit. `null` clears an optional field; `reason` explains a recalibration in the history. */
export const goalPatchInput = z
  .object({
    title: goalFields.title.optional(),
    description: goalFields.description.optional(),
    metric: goalFields.metric.nullable().optional(),
    unit: goalFields.unit.nullable().optional(),
    baseline: goalFields.baseline.nullable().optional(),
    target: goalFields.target.nullable().optional(),
    current: goalFields.current.nullable().optional(),
    resources: goalFields.resources.nullable().optional(),
    risks: goalFields.risks.nullable().optional(),
    hoursPerMonth: goalFields.hoursPerMonth.nullable().optional(),
    priorityId: goalFields.priorityId.nullable().optional(),
    aspiration: goalFields.aspiration.nullable().optional(),
    dueDate: goalFields.dueDate.nullable().optional(),
    status: goalStatus.optional(),
    reason: z.string().trim().max(limits.reason).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).some((k) => k !== 'reason'), { message: 'Nothing to change.' });
export type GoalPatchInput = z.infer<typeof goalPatchInput>;

/** Checked where both values are known (after merging a patch into the stored goal). */
export const goalTargetRule = { check: targetDiffersFromBaseline, ...targetMessage };

export const milestoneCreateInput = z
  .object({
    title: z.string().trim().min(1, 'Give the milestone a title.').max(limits.title),
    dueDate: isoDate,
  })
  .strict();
export type MilestoneCreateInput = z.infer<typeof milestoneCreateInput>;

export const milestonePatchInput = z
  .object({
    title: z.string().trim().min(1, 'Give the milestone a title.').max(limits.title).optional(),
    dueDate: isoDate.optional(),
    done: z.boolean().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'Nothing to change.' });
export type MilestonePatchInput = z.infer<typeof milestonePatchInput>;

export const activityCreateInput = z
  .object({
    kind: activityKind,
    title: z.string().trim().min(1, 'Give the activity a title.').max(limits.title),
    notes: z.string().trim().max(limits.longText).default(''),
    status: activityStatus.default('planned'),
    dueDate: isoDate.optional(),
  })
  .strict();
export type ActivityCreateInput = z.infer<typeof activityCreateInput>;

export const activityPatchInput = z
  .object({
    kind: activityKind.optional(),
    title: z.string().trim().min(1, 'Give the activity a title.').max(limits.title).optional(),
    notes: z.string().trim().max(limits.longText).optional(),
    status: activityStatus.optional(),
    dueDate: isoDate.nullable().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'Nothing to change.' });
export type ActivityPatchInput = z.infer<typeof activityPatchInput>;

/** Replacing the agreement clears both acceptances: each person accepts what is written now. */
export const agreementInput = agreement;

/** Optimistic concurrency travels in the standard header; the API answers 428 without it. */
export const IF_MATCH = 'If-Match';

/**
 * A version as Table Storage issues it: `W/"datetime'2026-12-02T09%3A30%3A00.1234567Z'"`. Every
 * write of an existing row names one; `*` (any version) and anything else are refused before
 * storage is asked.
 */
export const isEntityVersion = (etag: string): boolean => etag.length <= 80 && /^W\/"datetime'[0-9A-Za-z%.:-]{1,60}'"$/.test(etag);

// ---- Responses ----

export interface MilestoneView extends Versioned<Milestone> {
  overdue: boolean;
}

export interface GoalView extends Versioned<Goal> {
  /** 0..1 from baseline to target, when measurable. */
  progress?: number;
  smartGaps: SmartGap[];
  milestones: MilestoneView[];
  activities: Versioned<DevelopmentActivity>[];
  /** What the viewer may do with this goal (shared/policy.ts decides; the use cases enforce the same). */
  can: GoalPermissions;
}

export interface PlanView {
  pair: Versioned<Mentorship> & { accepted: boolean };
  viewerRole: PairRole;
  mentor: PersonSummary;
  mentee: PersonSummary;
  program: { id: string; name: string; checkInCadence: Cadence; priorities: StrategicPriority[] };
  /** Today in the viewer's time zone: what overdue means to them. */
  today: IsoDate;
  goals: GoalView[];
  /** What the viewer may do with this plan (shared/policy.ts decides; the use cases enforce the same). */
  can: PlanPermissions;
}

export interface PairSummary {
  pairId: string;
  role: PairRole;
  status: MentorshipStatus;
  other: PersonSummary;
}

export interface MeView {
  person: PersonSummary;
  pairs: PairSummary[];
  /** `development` only when the server runs with the local development identity. */
  authMode: 'development' | 'entra';
}

export interface GoalHistoryView {
  goalId: string;
  revisions: GoalRevision[];
}

export type { CheckInHistoryView } from './checkins/checkInHistory';

/** The mentor's comment on a check-in, from the tab; the card sends the same text. */
export const checkInCommentInput = z.object({ comment: mentorComment.shape.text }).strict();
export type CheckInCommentInput = z.infer<typeof checkInCommentInput>;

// ---- 360 feedback and recognition ----

export type { FeedbackRequestInput } from './feedback/feedbackRequest';
export type { FeedbackResults } from './feedback/feedbackResults';
export type { AskedFeedbackAnswered, AskedFeedbackListView, AskedFeedbackView } from './feedback/feedbackInbox';

/** A request as the pair sees it, with its results (hidden while an anonymous request has too few answers). */
export interface FeedbackRequestView extends Versioned<FeedbackRequest> {
  goalTitle: string;
  results: FeedbackResults;
}

export interface FeedbackRequestListView {
  /** Newest first. */
  requests: FeedbackRequestView[];
  /** The scorecard's stakeholder satisfaction (1..5): the mean of every rating in the results shown; absent when none are. */
  stakeholderSatisfaction?: number;
}

/** Whether each respondent got the request card from the bot; the others need it shared into a chat. */
export interface FeedbackDelivery {
  personId: string;
  displayName: string;
  delivered: boolean;
}

export interface FeedbackRequestCreated {
  request: FeedbackRequestView;
  delivery: FeedbackDelivery[];
}

export interface PeopleView {
  people: PersonSummary[];
}

/** The mentee's consent to show a win in the program channel's weekly digest. */
export const winConsentInput = z.object({ shareInDigest: z.boolean() }).strict();
export type WinConsentInput = z.infer<typeof winConsentInput>;

export interface WinView extends Versioned<Win> {
  recognizedByName: string;
  goalTitle?: string;
}

export interface WinListView {
  wins: WinView[];
}

export interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[]; current?: unknown };
}
