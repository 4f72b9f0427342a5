// 360 feedback over HTTP, for the tab: people to ask, a pair's requests with their results, and
// asking (the bot then delivers the request card to every respondent who has the app).
import type { Router } from 'express';
import type { FeedbackRequestCreated } from '../../shared/api';
import type { FeedbackService } from '../../shared/feedback/feedbackService';
import type { PeopleSearch } from '../../shared/feedback/peopleSearch';
import { ok } from '../../shared/result';
import type { FeedbackCardDelivery } from '../feedback/feedbackDelivery';
import { serve } from './http';

export interface FeedbackRouteDeps {
  feedback: FeedbackService;
  people: PeopleSearch;
  delivery: Pick<FeedbackCardDelivery, 'sendRequest' | 'reachable'>;
}

export function feedbackRoutes(deps: FeedbackRouteDeps): Router {
  return serve({
    searchPeople: ({ actor, query }) => deps.people.search(actor, query.search),
    getFeedbackRequests: ({ actor, params }) => deps.feedback.listRequests(actor, params.pairId),
    createFeedbackRequest: async ({ actor, params, body }) => {
      const asked = await deps.feedback.ask(actor, params.pairId, body);
      if (!asked.ok) return asked;
      const { respondents } = asked.value.request.value;
      const delivery = asked.value.repeated ? await deps.delivery.reachable(respondents) : await deps.delivery.sendRequest(asked.value, respondents);
      return ok<FeedbackRequestCreated>({ request: asked.value.view, delivery });
    },
    getFeedbackResults: ({ actor, params }) => deps.feedback.results(actor, params.pairId, params.requestId),
  });
}
