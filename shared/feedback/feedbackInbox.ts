// The respondent's side of 360 feedback, for any signed-in person (a peer, a supervisor, a guest, a
// mentor of another pair): the requests that name them and their answers. Listing reads an index of
// requests by respondent; each entry is then shown through the same respondent view the request card
// uses, and answering is the card's own use case (feedbackService.respond), so both doors share the
// rules: who may answer, validation, the close date, one answer per person, stored once.
import type { IsoDate } from '../dates';
import type { Actor } from '../policy';
import { ok, type Result } from '../result';
import type { FeedbackAnswer, FeedbackRelation, FeedbackRequest, FeedbackResponse } from './feedbackRequest';
import type { FeedbackAnswerOutcome, FeedbackRequestRef, FeedbackService, RespondentView } from './feedbackService';

/** Where the requests naming a person are found without reading every pair (bot/storage/feedbackAskedTable.ts). */
export interface FeedbackAskedIndex {
  /** Files the request under each of its respondents; filing it again is harmless. */
  file(request: Pick<FeedbackRequest, 'pairId' | 'id' | 'createdAt' | 'respondents'>): Promise<void>;
  /** The requests filed under the person, newest first, at most `limit`. Hints: a request may be gone. */
  askedOf(personId: string, limit: number): Promise<FeedbackRequestRef[]>;
}

/** A person's answer as they see it again. */
export type MyFeedbackAnswer = FeedbackAnswer & Pick<FeedbackResponse, 'answeredAt' | 'updatedAt'>;

/**
 * One request as its respondent sees it: what the request card shows (whose goal, which behaviors,
 * until when) and their own answer. Never the other respondents or their answers.
 */
export interface AskedFeedbackView {
  pairId: string;
  requestId: string;
  menteeName: string;
  goalTitle: string;
  behaviors: string[];
  closesOn: IsoDate;
  anonymous: boolean;
  /** How the mentee named their relation to this person. */
  relation: FeedbackRelation;
  /** Whether answers (and changes to an answer) are still taken. */
  open: boolean;
  answer?: MyFeedbackAnswer;
}

export interface AskedFeedbackListView {
  /** Open requests first, the soonest to close on top; then closed ones, the latest to close on top. */
  requests: AskedFeedbackView[];
}

export interface AskedFeedbackAnswered {
  request: AskedFeedbackView;
  outcome: FeedbackAnswerOutcome;
}

/** How many requests the inbox shows: the newest, which are the ones still to answer. */
export const ASKED_FEEDBACK_LISTED = 50;

export interface FeedbackInboxDeps {
  asked: Pick<FeedbackAskedIndex, 'askedOf'>;
  feedback: Pick<FeedbackService, 'respondentView' | 'respond'>;
}

type Respondent = Extract<RespondentView, { kind: 'respondent' }>;

function askedView(actor: Actor, view: Respondent): AskedFeedbackView {
  const request = view.request.value;
  const response = view.response?.value;
  return {
    pairId: request.pairId,
    requestId: request.id,
    menteeName: view.menteeName,
    goalTitle: view.goalTitle,
    behaviors: request.behaviors,
    closesOn: request.closesOn,
    anonymous: request.anonymous,
    relation: request.respondents.find((r) => r.personId === actor.id)?.relation ?? 'peer',
    open: view.open,
    ...(response
      ? {
          answer: {
            ratings: response.ratings,
            example: response.example,
            suggestion: response.suggestion,
            answeredAt: response.answeredAt,
            ...(response.updatedAt ? { updatedAt: response.updatedAt } : {}),
          },
        }
      : {}),
  };
}

const inboxOrder = (a: AskedFeedbackView, b: AskedFeedbackView): number => {
  if (a.open !== b.open) return a.open ? -1 : 1;
  const byDate = a.open ? a.closesOn.localeCompare(b.closesOn) : b.closesOn.localeCompare(a.closesOn);
  return byDate || a.requestId.localeCompare(b.requestId);
};

export function createFeedbackInbox(deps: FeedbackInboxDeps) {
  const { asked, feedback } = deps;
  return {
    /** The requests that name the actor; someone named in none gets an empty list, not an error. */
    async list(actor: Actor): Promise<Result<AskedFeedbackListView>> {
      const refs = await asked.askedOf(actor.id, ASKED_FEEDBACK_LISTED);
      const views = await Promise.all(refs.map((ref) => feedback.respondentView(actor, ref)));
      // An index row whose request is gone, or no longer names the person, is passed over.
      const mine = views.flatMap((v) => (v.ok && v.value.kind === 'respondent' ? [askedView(actor, v.value)] : []));
      return ok({ requests: mine.sort(inboxOrder) });
    },

    /** Answers (or changes the answer to) a request, exactly as the request card does. */
    async answer(actor: Actor, ref: FeedbackRequestRef, input: FeedbackAnswer): Promise<Result<AskedFeedbackAnswered>> {
      const answered = await feedback.respond(actor, ref, input);
      if (!answered.ok) return answered;
      const { response, outcome } = answered.value;
      return ok({ request: askedView(actor, { kind: 'respondent', ...answered.value, open: true, response }), outcome });
    },
  };
}

export type FeedbackInbox = ReturnType<typeof createFeedbackInbox>;
