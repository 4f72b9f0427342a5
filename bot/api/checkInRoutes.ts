// A pair's check-ins over HTTP, for the plan page: parse, call the check-in service, map.
import { Router } from 'express';
import { pairParams, paths } from '../../shared/api';
import type { CheckInService } from '../../shared/checkins/checkInService';
import { route } from './http';

export function checkInRoutes(checkIns: CheckInService): Router {
  const r = Router();
  r.get(paths.checkIns, route({ params: pairParams }, ({ actor, params }) => checkIns.history(actor, params.pairId)));
  return r;
}
