// The program survey over HTTP: a participant's questions and answers, the managers' aggregate results.
import type { Router } from 'express';
import type { SurveyService } from '../../shared/survey/surveyService';
import { serve } from './http';

export function surveyRoutes(surveys: SurveyService): Router {
  return serve({
    getSurvey: ({ actor, params }) => surveys.get(actor, params.programId),
    answerSurvey: ({ actor, params, body }) => surveys.answer(actor, params.programId, body),
    getSurveyResults: ({ actor, params }) => surveys.results(actor, params.programId),
  });
}
