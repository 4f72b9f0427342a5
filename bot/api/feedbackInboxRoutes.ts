// The 360 requests addressed to the caller, over HTTP, for the tab's "Feedback asked of me": list
// them, and answer one. Any signed-in person may call: a respondent needs no mentoring pair. A
// request that does not name the caller is answered 404, as if it did not exist.
import type { Router } from 'express';
import type { FeedbackInbox } from '../../shared/feedback/feedbackInbox';
import { serve } from './http';

export function feedbackInboxRoutes(inbox: FeedbackInbox): Router {
  return serve({
    getAskedFeedback: ({ actor }) => inbox.list(actor),
    answerAskedFeedback: ({ actor, params, body }) => inbox.answer(actor, params, body),
  });
}
