// The 360 requests addressed to the caller, over HTTP, for the tab's "Feedback asked of me": list
// them, and answer one. Any signed-in person may call: a respondent needs no mentoring pair. A
// request that does not name the caller is answered 404, as if it did not exist.
import { Router } from 'express';
import { z } from 'zod';
import { feedbackRequestParams, paths } from '../../shared/api';
import { feedbackAnswer } from '../../shared/feedback/feedbackRequest';
import type { FeedbackInbox } from '../../shared/feedback/feedbackInbox';
import { route } from './http';

const noParams = z.object({}).strict();

export function feedbackInboxRoutes(inbox: FeedbackInbox): Router {
  const r = Router();
  r.get(paths.myFeedbackRequests, route({ params: noParams }, ({ actor }) => inbox.list(actor)));
  r.put(paths.myFeedbackAnswer, route({ params: feedbackRequestParams, body: feedbackAnswer }, ({ actor, params, body }) => inbox.answer(actor, params, body)));
  return r;
}
