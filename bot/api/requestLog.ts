// One log line per request, with a request id that the response carries in `x-request-id`, so a
// person reporting a problem can quote it and an operator can find the line. The line holds no
// query string, headers or bodies: tokens travel in headers and `token`/`code` parameters, and
// bodies hold what people write about themselves.
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Actor } from '../../shared/policy';
import type { Logger } from '../log';

export const REQUEST_ID_HEADER = 'x-request-id';
/** What Microsoft clients and SDKs send as their own correlation id. */
const CLIENT_REQUEST_ID_HEADER = 'x-ms-client-request-id';

/**
 * An incoming id is kept only if it looks like an id: short (a JWT or other secret is far longer
 * than 64 characters) and plain characters, so it cannot forge log structure or smuggle text.
 */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{7,63}$/;

/** Paths are logged, capped: a long path is a probe, not something worth storing whole. */
const MAX_LOGGED_PATH = 200;

function requestIdFor(req: Request): string {
  for (const header of [REQUEST_ID_HEADER, CLIENT_REQUEST_ID_HEADER]) {
    const offered = req.get(header);
    if (offered && ACCEPTED_REQUEST_ID.test(offered)) return offered;
  }
  return randomUUID();
}

/** The request id given to this request by `requestLog` (for other log lines about it). */
export function requestIdOf(res: Response): string | undefined {
  return typeof res.locals.requestId === 'string' ? res.locals.requestId : undefined;
}

export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFor(req);
    res.locals.requestId = requestId;
    res.set(REQUEST_ID_HEADER, requestId);
    // The pathname only: everything after `?` may hold a token or a search term.
    const path = req.originalUrl.split('?', 1)[0]!.slice(0, MAX_LOGGED_PATH);
    // 'close' fires for every response, finished or aborted by the client.
    res.once('close', () => {
      const actor = res.locals.actor as Actor | undefined;
      const routePattern: unknown = req.route?.path;
      log.info('request', {
        requestId,
        method: req.method,
        path,
        ...(typeof routePattern === 'string' ? { route: routePattern } : {}),
        status: res.statusCode,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
        ...(actor ? { actorId: actor.id } : {}),
        ...(res.writableFinished ? {} : { aborted: true }),
      });
    });
    next();
  };
}
