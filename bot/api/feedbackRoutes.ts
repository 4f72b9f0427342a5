// 360 feedback over HTTP, for the tab: people to ask, a pair's requests with their results, and
// asking (the one ask use case also delivers the request card to every respondent who has the app).
import type { Router } from 'express';
import type { FeedbackRequestCreated } from '../../shared/api';
import type { AskForFeedback } from '../../shared/feedback/askForFeedback';
import type { FeedbackService } from '../../shared/feedback/feedbackService';
import type { PeopleSearch } from '../../shared/feedback/peopleSearch';
import { ok } from '../../shared/result';
import { serve } from './http';

export interface FeedbackRouteDeps {
  feedback: FeedbackService;
  asking: AskForFeedback;
  people: PeopleSearch;
}

export function feedbackRoutes(deps: FeedbackRouteDeps): Router {
  return serve({
    searchPeople: ({ actor, query }) => deps.people.search(actor, query.search),
    getFeedbackRequests: ({ actor, params }) => deps.feedback.listRequests(actor, params.pairId),
    createFeedbackRequest: async ({ actor, params, body }) => {
      const asked = await deps.asking.ask(actor, params.pairId, body, { kind: 'personal_chats' });
      return asked.ok ? ok<FeedbackRequestCreated>({ request: asked.value.view, delivery: asked.value.delivery }) : asked;
    },
    getFeedbackResults: ({ actor, params }) => deps.feedback.results(actor, params.pairId, params.requestId),
  });
}
