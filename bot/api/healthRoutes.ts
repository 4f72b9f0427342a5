// Program health over HTTP, for the program's managers: the dashboard's figures and their CSV.
import type { Router } from 'express';
import type { HealthService } from '../../shared/health/healthService';
import { serve } from './http';

export function healthRoutes(health: HealthService): Router {
  return serve({
    getProgramHealth: ({ actor, params, query }) => health.view(actor, params.programId, query),
    exportProgramHealth: ({ actor, params, query }) => health.csv(actor, params.programId, query),
  });
}
