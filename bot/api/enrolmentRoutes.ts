// Enrolment over HTTP, for program managers. A cohort file may come as text/csv: it is read as the
// JSON body `{ csv }` the route table names, so both are checked by the same schema.
import express, { type Router } from 'express';
import { paths } from '../../shared/api';
import { COHORT_FILE_MAX_CHARS } from '../../shared/program/enrolment';
import type { EnrolmentService } from '../../shared/program/enrolmentService';
import { serve } from './http';

export function enrolmentRoutes(enrolment: EnrolmentService): Router {
  const router = express.Router();
  // Middleware, not a route: the route itself is the table's.
  router.use(
    paths.enrolmentImport,
    // UTF-8 takes up to 4 bytes a character.
    express.text({ type: ['text/csv', 'text/plain'], limit: COHORT_FILE_MAX_CHARS * 4 }),
    (req, _res, next) => {
      if (typeof req.body === 'string') req.body = { csv: req.body };
      next();
    },
  );
  router.use(
    serve({
      listEnrolments: ({ actor, params }) => enrolment.list(actor, params.programId),
      enrol: ({ actor, params, body }) => enrolment.enrol(actor, params.programId, body),
      removeEnrolment: ({ actor, params, query }) => enrolment.remove(actor, params.programId, params.personId, query.role),
      importCohort: ({ actor, params, query, body }) => enrolment.importCohort(actor, params.programId, body.csv, query.dryRun),
      getCohortTemplate: ({ actor, params }) => enrolment.template(actor, params.programId),
    }),
  );
  return router;
}
