// A pair's check-ins over HTTP, for the plan page: call the check-in service with the parsed input.
import type { Router } from 'express';
import type { CheckInService } from '../../shared/checkins/checkInService';
import { serve } from './http';

export function checkInRoutes(checkIns: CheckInService): Router {
  return serve({
    getCheckIns: ({ actor, params }) => checkIns.history(actor, params.pairId),
  });
}
