// A pair's check-ins over HTTP, for the plan page: call the check-in service with the parsed input.
// The mentor's comment is the same use case the mentor's card calls.
import type { Router } from 'express';
import type { CheckInService } from '../../shared/checkins/checkInService';
import { ok } from '../../shared/result';
import { serve } from './http';

export function checkInRoutes(checkIns: CheckInService): Router {
  return serve({
    getCheckIns: ({ actor, params }) => checkIns.history(actor, params.pairId),
    commentOnCheckIn: async ({ actor, params, body }) => {
      const commented = await checkIns.comment(actor, params.pairId, params.slot, body.comment);
      return commented.ok ? ok(commented.value.comment) : commented;
    },
  });
}
