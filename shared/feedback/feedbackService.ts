// Use cases of 360 feedback: the mentee asks, named respondents answer (and may change their
// answer), the pair reads the results. Each loads what it needs from the pair's partition, asks the
// policy, validates, and writes with the ETag it read. Card submits arrive more than once (Teams
// retries a slow invoke), so answering is idempotent: one response row per person, updated.
import type { FeedbackRequestListView, FeedbackRequestView } from '../api';
import { todayIn } from '../dates';
import { isActiveGoal } from '../plan/planChoices';
import { authorizeFeedback, authorizePlan, inActorsTenant, type Actor, type FeedbackRequestParties } from '../policy';
import type { FeedbackRepository, PlanRecord, PlanRepository, ProgramRepository } from '../repositories';
import { fail, ok, type Result, type Versioned } from '../result';
import {
  acceptsResponses,
  closeIfDue,
  markReminded,
  pendingReminders,
  reminderDue,
  type FeedbackAnswer,
  type ParsedFeedbackRequestInput,
  type FeedbackRequest,
  type FeedbackRespondent,
  type FeedbackResponse,
} from './feedbackRequest';
import { behaviorsOfPriority, closeDateProblem } from './feedbackDraft';
import { feedbackResults, overallSatisfaction, type FeedbackResults } from './feedbackResults';

export interface FeedbackServiceDeps {
  plans: PlanRepository;
  programs: ProgramRepository;
  feedback: FeedbackRepository;
  now: () => Date;
  newId: () => string;
}

/** Where a request lives: rows are in the pair's partition, so both ids travel together (card data). */
export interface FeedbackRequestRef {
  pairId: string;
  requestId: string;
}

/** What a card about a request shows besides the request: whose it is and on which goal. */
export interface FeedbackCardContext {
  request: Versioned<FeedbackRequest>;
  menteeName: string;
  goalTitle: string;
}

/**
 * What a person holding a request card may see of it: a named respondent gets the request, whether
 * it still takes answers and their own answer; anyone else learns only that it is not for them.
 */
export type RespondentView =
  (FeedbackCardContext & { kind: 'respondent'; open: boolean; response?: Versioned<FeedbackResponse> }) | { kind: 'not_named' };

/** The one reminder, claimed: who to remind, with what the card shows. */
export interface ReminderClaim extends FeedbackCardContext {
  pending: FeedbackRespondent[];
}

/** `stored`: first answer. `updated`: the person changed their answer. `duplicate`: the same answer again. */
export type FeedbackAnswerOutcome = 'stored' | 'updated' | 'duplicate';

const invalid = <T>(path: string, message: string): Result<T> => fail('invalid', message, { issues: [{ path, message }] });
const noPair = <T>(): Result<T> => fail('not_found', 'There is no such mentoring plan, or it is not shared with you.');
const noRequest = <T>(): Result<T> => fail('not_found', 'There is no such feedback request, or it is not shared with you.');
// A conflict means the same person submitted twice at once (a retried card): read again, decide again.
const WRITE_ATTEMPTS = 3;

const partiesOf = (record: PlanRecord, request: FeedbackRequest): FeedbackRequestParties => ({
  tenantId: record.mentorship.value.tenantId,
  menteeId: record.mentorship.value.menteeId,
  mentorId: record.mentorship.value.mentorId,
  respondentIds: request.respondents.map((r) => r.personId),
});

const contextOf = (record: PlanRecord, request: Versioned<FeedbackRequest>): FeedbackCardContext => ({
  request,
  menteeName: record.members.mentee.displayName,
  goalTitle: record.goals.find((g) => g.value.id === request.value.goalId)?.value.title ?? request.value.goalTitle ?? request.value.goalId,
});

/** What a card shows, from the names snapshotted on the request row; undefined for an older row without them. */
const snapshotContextOf = (request: Versioned<FeedbackRequest>): FeedbackCardContext | undefined => {
  const { menteeName, goalTitle } = request.value;
  return menteeName !== undefined && goalTitle !== undefined ? { request, menteeName, goalTitle } : undefined;
};

// Answering needs only the respondents the request names: the row carries them, the plan is not read.
const respondentParties = (request: FeedbackRequest): FeedbackRequestParties => ({
  tenantId: request.tenantId,
  menteeId: request.createdBy,
  mentorId: '',
  respondentIds: request.respondents.map((r) => r.personId),
});

const viewOf = (context: FeedbackCardContext, responses: readonly Versioned<FeedbackResponse>[]): FeedbackRequestView => ({
  ...context.request,
  goalTitle: context.goalTitle,
  results: feedbackResults(
    context.request.value,
    responses.map((r) => r.value),
  ),
});

const newestFirst = (a: FeedbackRequestView, b: FeedbackRequestView) =>
  b.value.createdAt.localeCompare(a.value.createdAt) || b.value.id.localeCompare(a.value.id);

const sameAnswer = (a: FeedbackAnswer, b: FeedbackAnswer): boolean =>
  a.example === b.example &&
  a.suggestion === b.suggestion &&
  Object.keys(a.ratings).length === Object.keys(b.ratings).length &&
  Object.entries(a.ratings).every(([k, v]) => b.ratings[k] === v);

export function createFeedbackService(deps: FeedbackServiceDeps) {
  const { plans, programs, feedback, now, newId } = deps;

  /** Every behavior of the request rated, and nothing else. */
  function validateAnswer(request: FeedbackRequest, answer: FeedbackAnswer): Result<FeedbackAnswer> {
    for (const b of request.behaviors) {
      if (answer.ratings[b] === undefined) return invalid(`ratings.${b}`, `Rate “${b}” from 1 to 5.`);
    }
    const extra = Object.keys(answer.ratings).find((k) => !request.behaviors.includes(k));
    if (extra !== undefined) return invalid(`ratings.${extra}`, `“${extra}” is not one of the behaviors of this request.`);
    return ok(answer);
  }

  /** Validates and stores a new request; a repeated submission finds the request its first one stored. */
  async function createOnce(
    actor: Actor,
    pairId: string,
    data: ParsedFeedbackRequestInput,
  ): Promise<Result<{ record: PlanRecord; request: Versioned<FeedbackRequest>; repeated: boolean }>> {
    const record = await plans.load(pairId);
    if (!record) return noPair();
    const role = authorizePlan(actor, record.mentorship.value, 'ask_feedback');
    if (!role.ok) return role;
    const goal = record.goals.find((g) => g.value.id === data.goalId)?.value;
    if (!goal) return invalid('goalId', 'That goal is not part of this plan.');
    if (!isActiveGoal(goal)) return invalid('goalId', 'Feedback is asked on an active goal.');
    let behaviors = data.behaviors;
    if (!behaviors) {
      const program = await programs.get(record.mentorship.value.programId);
      behaviors = program ? behaviorsOfPriority(program.value.priorities, goal.priorityId) : undefined;
      if (!behaviors?.length) return invalid('behaviors', 'This goal’s priority names no behaviors: pick the behaviors to be rated.');
    }
    const menteeIndex = data.respondents.findIndex((r) => r.personId === actor.id);
    if (menteeIndex >= 0)
      return invalid(`respondents.${menteeIndex}.personId`, 'Ask other people: you cannot give feedback on your own request.');
    const lateDate = closeDateProblem(data.closesOn, todayIn(actor.timeZone, now()));
    if (lateDate) return invalid('closesOn', lateDate);
    const request: FeedbackRequest = {
      id: data.submissionId ?? newId(),
      pairId,
      tenantId: record.mentorship.value.tenantId,
      goalId: goal.id,
      behaviors,
      respondents: data.respondents,
      closesOn: data.closesOn,
      anonymous: data.anonymous,
      createdBy: actor.id,
      createdAt: now().toISOString(),
      status: 'open',
      menteeName: record.members.mentee.displayName,
      goalTitle: goal.title,
    };
    const created = await feedback.createRequest(request);
    if (created.ok) return ok({ record, request: created.value, repeated: false });
    if (created.error.code !== 'conflict' || !data.submissionId) return created;
    const earlier = await feedback.getRequest(pairId, request.id);
    if (earlier && earlier.value.createdBy === actor.id && earlier.value.goalId === request.goalId)
      return ok({ record, request: earlier, repeated: true });
    return invalid('submissionId', 'This form was sent already: open it again to ask for more feedback.');
  }

  /** What the request's card shows: the row's snapshot, or (an older row) the plan as it is now. */
  async function cardContextOf(request: Versioned<FeedbackRequest>): Promise<FeedbackCardContext | undefined> {
    const snapshot = snapshotContextOf(request);
    if (snapshot) return snapshot;
    const record = await plans.load(request.value.pairId);
    return record ? contextOf(record, request) : undefined;
  }

  const service = {
    /** The mentee asks for feedback on one of their active goals; a repeated submission is stored once. */
    async createRequest(actor: Actor, pairId: string, input: ParsedFeedbackRequestInput): Promise<Result<Versioned<FeedbackRequest>>> {
      const created = await createOnce(actor, pairId, input);
      return created.ok ? ok(created.value.request) : created;
    },

    /**
     * createRequest, answered with the pair's view of the request and what its card shows.
     * `repeated`: this submission was stored before (and its cards went out then). Doors ask through
     * `askForFeedback`, which also delivers the card.
     */
    async record(
      actor: Actor,
      pairId: string,
      input: ParsedFeedbackRequestInput,
    ): Promise<Result<FeedbackCardContext & { view: FeedbackRequestView; repeated: boolean }>> {
      const created = await createOnce(actor, pairId, input);
      if (!created.ok) return created;
      const context = contextOf(created.value.record, created.value.request);
      return ok({ ...context, view: viewOf(context, []), repeated: created.value.repeated });
    },

    /** Every request of the pair with its results, for the mentee and the mentor. */
    async listRequests(actor: Actor, pairId: string): Promise<Result<FeedbackRequestListView>> {
      const record = await plans.load(pairId);
      if (!record) return noPair();
      const role = authorizePlan(actor, record.mentorship.value, 'view');
      if (!role.ok) return role;
      const requests = await feedback.listRequests(pairId);
      const views = await Promise.all(
        requests.map(async (r) => viewOf(contextOf(record, r), await feedback.listResponses(pairId, r.value.id))),
      );
      views.sort(newestFirst);
      const satisfaction = overallSatisfaction(views.map((v) => v.results));
      return ok({ requests: views, ...(satisfaction === undefined ? {} : { stakeholderSatisfaction: satisfaction }) });
    },

    /** What the card shows to the person holding it (the bot's refresh and "change my answer"). */
    async respondentView(actor: Actor, ref: FeedbackRequestRef): Promise<Result<RespondentView>> {
      const [stored, response] = await Promise.all([
        feedback.getRequest(ref.pairId, ref.requestId),
        feedback.getResponse(ref.pairId, ref.requestId, actor.id),
      ]);
      if (!stored || !inActorsTenant(actor, stored.value)) return noRequest();
      if (!authorizeFeedback(actor, respondentParties(stored.value), 'respond').ok) return ok({ kind: 'not_named' });
      const context = await cardContextOf(stored);
      if (!context) return noRequest();
      return ok({ kind: 'respondent', ...context, open: acceptsResponses(stored.value, now()), ...(response ? { response } : {}) });
    },

    /**
     * A named respondent answers; answering again replaces their answer while the request is open.
     * `input` is parsed with `feedbackAnswer`; it may be a function of the request (parsing there), for
     * a card whose inputs are named by the request's behaviors: the request is read once, here.
     */
    async respond(
      actor: Actor,
      ref: FeedbackRequestRef,
      input: FeedbackAnswer | ((request: FeedbackRequest) => Result<FeedbackAnswer>),
    ): Promise<Result<FeedbackCardContext & { response: Versioned<FeedbackResponse>; outcome: FeedbackAnswerOutcome }>> {
      // Two point reads side by side, then one write: the request row carries the names its card
      // shows, so the plan (a partition query that grows with the plan) is not read.
      const [stored, firstPrevious] = await Promise.all([
        feedback.getRequest(ref.pairId, ref.requestId),
        feedback.getResponse(ref.pairId, ref.requestId, actor.id),
      ]);
      if (!stored) return noRequest();
      const request = stored.value;
      // Someone the request does not name learns nothing of it, whichever door they knock on.
      if (!authorizeFeedback(actor, respondentParties(request), 'respond').ok) return noRequest();
      if (!acceptsResponses(request, now()))
        return fail('conflict', `This feedback request closed on ${request.closesOn}; answers are no longer taken.`);
      const parsed = typeof input === 'function' ? input(request) : ok(input);
      if (!parsed.ok) return parsed;
      const answer = validateAnswer(request, parsed.value);
      if (!answer.ok) return answer;
      const context = await cardContextOf(stored);
      if (!context) return noRequest();
      for (let attempt = 1; ; attempt++) {
        const previous = attempt === 1 ? firstPrevious : await feedback.getResponse(ref.pairId, request.id, actor.id);
        if (previous && sameAnswer(previous.value, answer.value)) return ok({ ...context, response: previous, outcome: 'duplicate' });
        const at = now().toISOString();
        const response: FeedbackResponse = previous
          ? { ...answer.value, requestId: request.id, respondentId: actor.id, answeredAt: previous.value.answeredAt, updatedAt: at }
          : { ...answer.value, requestId: request.id, respondentId: actor.id, answeredAt: at };
        const written = await feedback.saveResponse(ref.pairId, response, previous?.etag);
        if (written.ok) return ok({ ...context, response: written.value, outcome: previous ? 'updated' : 'stored' });
        if (written.error.code !== 'conflict' || attempt >= WRITE_ATTEMPTS) return written;
      }
    },

    /** Results for the pair's mentee and mentor: aggregated, attributed unless anonymous. */
    async results(actor: Actor, pairId: string, requestId: string): Promise<Result<FeedbackResults>> {
      const [record, stored] = await Promise.all([plans.load(pairId), feedback.getRequest(pairId, requestId)]);
      if (!record || !stored) return noRequest();
      const allowed = authorizeFeedback(actor, partiesOf(record, stored.value), 'view_results');
      if (!allowed.ok) return allowed;
      const responses = await feedback.listResponses(pairId, requestId);
      return ok(
        feedbackResults(
          stored.value,
          responses.map((r) => r.value),
        ),
      );
    },

    /**
     * For the scheduler: closes the request if its date passed, recording how many answered.
     * `undefined` when it stays as it is.
     */
    async closeIfDue(ref: FeedbackRequestRef): Promise<Result<Versioned<FeedbackRequest> | undefined>> {
      const stored = await feedback.getRequest(ref.pairId, ref.requestId);
      if (!stored) return noRequest();
      if (!closeIfDue(stored.value, now())) return ok(undefined);
      const responses = await feedback.listResponses(ref.pairId, ref.requestId);
      return feedback.updateRequest(
        closeIfDue(
          stored.value,
          now(),
          responses.map((r) => r.value),
        )!,
        stored.etag,
      );
    },

    /**
     * For the scheduler: when the one reminder is due, records it (under the ETag read) BEFORE anyone
     * is reminded, so of two instances only one gets the claim; the other gets `undefined`, as does
     * a request with nobody pending. A process that dies after the claim reminds nobody: a reminder
     * is sent at most once.
     */
    async claimReminder(ref: FeedbackRequestRef): Promise<Result<ReminderClaim | undefined>> {
      const stored = await feedback.getRequest(ref.pairId, ref.requestId);
      if (!stored) return noRequest();
      if (!reminderDue(stored.value, now())) return ok(undefined);
      const responses = await feedback.listResponses(ref.pairId, ref.requestId);
      const pending = pendingReminders(
        stored.value,
        responses.map((r) => r.value),
        now(),
      );
      if (pending.length === 0) return ok(undefined);
      const marked = await feedback.updateRequest(markReminded(stored.value, now()), stored.etag);
      if (!marked.ok) return marked.error.code === 'conflict' ? ok(undefined) : marked;
      const context = await cardContextOf(marked.value);
      if (!context) return noPair();
      return ok({ ...context, pending });
    },
  };
  return service;
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
