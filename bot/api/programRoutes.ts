// Program settings over HTTP, for program managers.
import { Router } from 'express';
import { paths, programParams } from '../../shared/api';
import { programSettingsInput } from '../../shared/program';
import type { ProgramService } from '../../shared/program/programService';
import { route } from './http';

export function programRoutes(programs: ProgramService): Router {
  const r = Router();
  r.get(paths.programSettings, route({ params: programParams }, ({ actor, params }) => programs.settings(actor, params.programId)));
  r.put(paths.programSettings, route({ params: programParams, body: programSettingsInput, ifMatch: true }, ({ actor, params, body, etag }) =>
    programs.updateSettings(actor, params.programId, etag, body)));
  return r;
}
