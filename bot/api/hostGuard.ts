// Answers only for the host names this server is meant to be reached by: the public URL's host and
// loopback. A web page that points a name of its own at this machine (DNS rebinding) sends its own
// name in Host and is refused, so it cannot drive the API from a browser. /healthz stays open to
// any name: it reveals nothing, and platform probes may use an internal host name.
import type { RequestHandler } from 'express';
import type { ErrorBody } from '../../shared/api';
import { isLoopbackHost } from '../config';

/** The host name of a Host header, without its port (`[::1]:3978` -> `[::1]`). */
export function hostNameOf(hostHeader: string): string {
  const bracketed = /^(\[[^\]]+\])(?::\d+)?$/.exec(hostHeader);
  if (bracketed) return bracketed[1]!.toLowerCase();
  return hostHeader.replace(/:\d+$/, '').toLowerCase();
}

export function hostGuard(publicUrl: string): RequestHandler {
  const publicHost = new URL(publicUrl).hostname.toLowerCase();
  return (req, res, next) => {
    const host = hostNameOf(req.headers.host ?? '');
    if (host === publicHost || isLoopbackHost(host) || req.path === '/healthz') return next();
    const body: ErrorBody = { error: { code: 'invalid', message: 'This server does not answer for that host name.' } };
    res.status(421).json(body);
  };
}
