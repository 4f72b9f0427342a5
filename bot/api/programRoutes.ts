// Program settings over HTTP, for program managers.
import type { Router } from 'express';
import type { ProgramService } from '../../shared/program/programService';
import { serve } from './http';

export function programRoutes(programs: ProgramService): Router {
  return serve({
    getProgramSettings: ({ actor, params }) => programs.settings(actor, params.programId),
    getMyPrograms: ({ actor }) => programs.managedBy(actor),
    updateProgramSettings: ({ actor, params, body, etag }) => programs.updateSettings(actor, params.programId, etag, body),
  });
}
