// A pair's check-ins over HTTP, for the plan page: parse, call the check-in service, map. The
// mentor's comment is the same use case the mentor's card calls.
import { Router } from 'express';
import { checkInCommentInput, checkInParams, pairParams, paths } from '../../shared/api';
import type { CheckInService } from '../../shared/checkins/checkInService';
import { ok } from '../../shared/result';
import { route } from './http';

export function checkInRoutes(checkIns: CheckInService): Router {
  const r = Router();
  r.get(paths.checkIns, route({ params: pairParams }, ({ actor, params }) => checkIns.history(actor, params.pairId)));
  r.post(paths.checkInComments, route({ params: checkInParams, body: checkInCommentInput, status: 201 }, async ({ actor, params, body }) => {
    const commented = await checkIns.comment(actor, params.pairId, params.slot, body.comment);
    return commented.ok ? ok(commented.value.comment) : commented;
  }));
  return r;
}
