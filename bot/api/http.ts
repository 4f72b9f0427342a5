// Serves the route table (shared/api/routes.ts) and maps domain results and failures to HTTP, in one place.
import { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { IF_MATCH, isEntityVersion, type ErrorBody } from '../../shared/api';
import type { BodyOf, ParamsOf, QueryOf, ResponseOf, RouteSpec } from '../../shared/api/route';
import { routes, type RouteName, type Routes } from '../../shared/api/routes';
import type { Actor } from '../../shared/policy';
import type { ErrorCode, Failure, Result } from '../../shared/result';
import { toFieldIssues } from '../../shared/validation';
import type { Logger } from '../log';
import { EntityTooLargeError, isTableNotFound } from '../storage/tables';
import { requestIdOf } from './requestLog';

export const statusForCode: Record<ErrorCode, number> = {
  invalid: 400,
  too_large: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

export function sendFailure(res: Response, failure: Failure, status = statusForCode[failure.code]): void {
  const body: ErrorBody = { error: { code: failure.code, message: failure.message } };
  if (failure.issues) body.error.issues = failure.issues;
  if (failure.current !== undefined) body.error.current = failure.current;
  res.status(status).json(body);
}

export interface RouteContext<R extends RouteSpec> {
  /** Absent only for an `anonymous` route. */
  actor: R extends { anonymous: true } ? undefined : Actor;
  params: ParamsOf<R>;
  body: BodyOf<R>;
  query: QueryOf<R>;
  etag: string;
}

/** A route module's part: take the parsed input, call one use case, return its Result. */
export type RouteHandler<R extends RouteSpec> = (ctx: RouteContext<R>) => Promise<Result<ResponseOf<R>>>;

export type RouteHandlers = { [N in RouteName]?: RouteHandler<Routes[N]> };

/** A router serving the named routes of the table with their method and path. */
export function serve(handlers: RouteHandlers): Router {
  const router = Router();
  for (const name of Object.keys(routes) as RouteName[]) {
    const run = handlers[name] as RouteHandler<RouteSpec> | undefined;
    if (!run) continue;
    const spec: RouteSpec = routes[name];
    router[methodOf[spec.method]](spec.path, handlerFor(spec, run));
  }
  return router;
}

const methodOf = { GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch', DELETE: 'delete' } as const;

/** Parse params, query and body with the route's schemas, require If-Match where asked, run, map. */
function handlerFor(spec: RouteSpec, run: RouteHandler<RouteSpec>): RequestHandler {
  return async (req, res) => {
    const actor = spec.anonymous ? undefined : actorOf(res);
    const params = spec.params.safeParse(req.params);
    if (!params.success) return sendFailure(res, { code: 'not_found', message: 'There is nothing at this address.' });
    let query: unknown;
    if (spec.query) {
      const parsed = spec.query.safeParse(req.query);
      if (!parsed.success)
        return sendFailure(res, { code: 'invalid', message: 'Some fields need attention.', issues: toFieldIssues(parsed.error) });
      query = parsed.data;
    }
    // The version is checked before the body: a write without a real one is refused whatever it carries.
    const etag = req.get(IF_MATCH) ?? '';
    if (spec.ifMatch && (etag === '' || etag.trim() === '*')) {
      return sendFailure(res, { code: 'invalid', message: 'Send the version you edited in the If-Match header.' }, 428);
    }
    if (spec.ifMatch && !isEntityVersion(etag)) {
      return sendFailure(res, { code: 'invalid', message: 'The If-Match header is not a version this server issued.' });
    }
    let body: unknown;
    if (spec.body) {
      const parsed = spec.body.safeParse(req.body ?? {});
      if (!parsed.success)
        return sendFailure(res, { code: 'invalid', message: 'Some fields need attention.', issues: toFieldIssues(parsed.error) });
      body = parsed.data;
    }
    const result = await run({ actor, params: params.data, body, query, etag } as RouteContext<RouteSpec>);
    if (!result.ok) return sendFailure(res, result.error);
    if (spec.download) res.attachment(spec.download);
    // A download answered as text (a CSV) goes out as it is, typed by its file name.
    if (spec.download && typeof result.value === 'string')
      res
        .status(spec.status ?? 200)
        .type(spec.download)
        .send(result.value);
    else if (spec.status === 204) res.status(204).end();
    else res.status(spec.status ?? 200).json(result.value);
  };
}

export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw new Error('Route mounted without authentication');
  return actor;
}

/** What the body parser refuses is the client's fault: its own 4xx, with a message that says why. */
const bodyParserMessages: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'charset.unsupported': 'Send the body as JSON in UTF-8.',
  'encoding.unsupported': 'Send the body uncompressed, or gzip, deflate or br encoded.',
};

/**
 * Storage that does not answer is a retryable 503, not a crash; a table that has gone is recreated
 * and the request may be retried; a body the parser refuses is a 4xx; anything else is a 500.
 */
export function errorHandler(log: Logger, recreateTables?: () => Promise<void>): ErrorRequestHandler {
  return (err: unknown, req: Request, res: Response, _next) => {
    if (res.headersSent) return;
    const e = err as { type?: string; status?: number; statusCode?: number; code?: string; name?: string };
    if (e?.type === 'entity.too.large') return sendFailure(res, { code: 'too_large', message: 'The request is too large.' }, 413);
    const parserStatus = e?.status ?? e?.statusCode;
    if (typeof e?.type === 'string' && typeof parserStatus === 'number' && parserStatus >= 400 && parserStatus < 500) {
      return sendFailure(res, { code: 'invalid', message: bodyParserMessages[e.type] ?? 'The request could not be read.' }, parserStatus);
    }
    if (recreateTables && isTableNotFound(err)) {
      log.warn('a table is missing; recreating the tables', { requestId: requestIdOf(res), path: req.path });
      void recreateTables().catch((error: unknown) => log.error('could not recreate the tables', { error: String(error) }));
      res.set('Retry-After', '1');
      return sendFailure(res, { code: 'unavailable', message: 'Storage is being repaired. Try again in a moment.' });
    }
    if (err instanceof EntityTooLargeError)
      return sendFailure(res, { code: 'too_large', message: 'This is more text than can be stored. Shorten it and try again.' });
    if (isStorageUnavailable(err)) {
      log.warn('storage unavailable', { requestId: requestIdOf(res), path: req.path, error: String(e?.code ?? e?.name) });
      res.set('Retry-After', '5');
      return sendFailure(res, { code: 'unavailable', message: 'Storage is not answering right now. Try again in a moment.' });
    }
    log.error('unhandled error', { requestId: requestIdOf(res), path: req.path, error: err instanceof Error ? err.stack : String(err) });
    sendFailure(res, { code: 'unavailable', message: 'Something went wrong on our side. Try again in a moment.' }, 500);
  };
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'REQUEST_SEND_ERROR']);

export function isStorageUnavailable(err: unknown): boolean {
  const e = err as { name?: string; code?: string; statusCode?: number } | null;
  if (!e || e.name !== 'RestError') return false;
  return (e.code !== undefined && NETWORK_CODES.has(e.code)) || e.statusCode === undefined || e.statusCode >= 500;
}

export const notFoundApi: RequestHandler = (_req, res) =>
  sendFailure(res, { code: 'not_found', message: 'There is nothing at this address.' });
