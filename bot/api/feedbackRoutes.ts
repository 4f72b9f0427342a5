// 360 feedback over HTTP, for the tab: people to ask, a pair's requests with their results, and
// asking (the bot then delivers the request card to every respondent who has the app).
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { feedbackRequestParams, pairParams, paths, peopleQuery, type FeedbackRequestCreated } from '../../shared/api';
import type { AskForFeedback } from '../../shared/feedback/askForFeedback';
import { feedbackRequestInput } from '../../shared/feedback/feedbackRequest';
import type { FeedbackService } from '../../shared/feedback/feedbackService';
import type { PeopleSearch } from '../../shared/feedback/peopleSearch';
import { ok } from '../../shared/result';
import { toFieldIssues } from '../../shared/validation';
import { actorOf, route, sendFailure } from './http';

export interface FeedbackRouteDeps {
  feedback: FeedbackService;
  asking: AskForFeedback;
  people: PeopleSearch;
}

const noParams = z.object({}).strict();

export function feedbackRoutes(deps: FeedbackRouteDeps): Router {
  const r = Router();
  r.get(paths.people, searchPeople(deps.people));
  r.get(paths.feedbackRequests, route({ params: pairParams }, ({ actor, params }) => deps.feedback.listRequests(actor, params.pairId)));
  r.post(paths.feedbackRequests, route({ params: pairParams, body: feedbackRequestInput, status: 201 }, async ({ actor, params, body }) => {
    const asked = await deps.asking.ask(actor, params.pairId, body, { kind: 'personal_chats' });
    return asked.ok ? ok<FeedbackRequestCreated>({ request: asked.value.view, delivery: asked.value.delivery }) : asked;
  }));
  r.get(paths.feedbackResults, route({ params: feedbackRequestParams }, ({ actor, params }) => deps.feedback.results(actor, params.pairId, params.requestId)));
  return r;
}

/** `route()` reads no query string; this route's only input is one. */
function searchPeople(people: PeopleSearch): RequestHandler {
  return async (req, res) => {
    const actor = actorOf(res);
    if (!noParams.safeParse(req.params).success) return sendFailure(res, { code: 'not_found', message: 'There is nothing at this address.' });
    const query = peopleQuery.safeParse(req.query);
    if (!query.success) return sendFailure(res, { code: 'invalid', message: 'Search by a name or an email address.', issues: toFieldIssues(query.error) });
    const found = await people.search(actor, query.data.search);
    if (!found.ok) return sendFailure(res, found.error);
    res.json(found.value);
  };
}
