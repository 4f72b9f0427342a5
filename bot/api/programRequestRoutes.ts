// Re-pair requests and mentor candidates over HTTP: a pair member asks, a program manager lists and marks handled. Each calls one use case.
import type { Router } from 'express';
import type { ProgramRequestService } from '../../shared/matching/programRequests';
import { serve } from './http';

export function programRequestRoutes(requests: ProgramRequestService): Router {
  return serve({
    askRepair: ({ actor, params, body }) => requests.askRepair(actor, params.pairId, body),
    getProgramRequests: ({ actor, params }) => requests.list(actor, params.programId),
    markRequestHandled: ({ actor, params }) => requests.markHandled(actor, params.programId, params.requestId),
  });
}
