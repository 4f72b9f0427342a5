// Matching over HTTP: a person's strengths, and for program managers suggested mentors and new pairs.
import type { Router } from 'express';
import type { MatchingService } from '../../shared/matching/matchingService';
import { serve } from './http';

export function matchingRoutes(matching: MatchingService): Router {
  return serve({
    getMyStrengths: ({ actor }) => matching.strengths(actor),
    setMyStrengths: ({ actor, body }) => matching.setStrengths(actor, body),
    getMatching: ({ actor, params }) => matching.suggestions(actor, params.programId, params.menteeId),
    createPair: ({ actor, params, body }) => matching.createPair(actor, params.programId, body),
  });
}
