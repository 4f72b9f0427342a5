// A per-person budget of API writes, so one runaway client (a loop in a script, a stuck retry)
// cannot flood Table Storage for everyone. Reads are not limited; /api/messages is not either:
// Teams itself throttles what it sends to the bot.
import { rateLimit } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { actorOf, sendFailure } from './http';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Mount after the identity middleware: the key is the authenticated person, never an IP (many
 * people share a company's egress address). The counter lives in this server's memory, so with
 * several instances behind a load balancer each instance counts on its own: the effective limit
 * is up to N times this one. Good enough against a runaway client; not a quota.
 */
export function writeRateLimit(writesPerMinute: number): RequestHandler {
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: writesPerMinute,
    keyGenerator: (_req, res) => actorOf(res).id,
    // Retry-After plus the standard RateLimit headers; the old X-RateLimit-* ones add nothing.
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) =>
      sendFailure(res, {
        code: 'rate_limited',
        message: 'You are saving changes faster than the app allows. Wait a moment and try again.',
      }),
  });
  // Reads pass straight on: the limiter is not entered at all, not even to be told to skip.
  return (req, res, next) => (WRITE_METHODS.has(req.method) ? limiter(req, res, next) : next());
}
