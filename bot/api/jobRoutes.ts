// Jobs an external scheduler triggers (in Azure: a Logic App or Function on a timer). Not a user
// route: no Teams token opens it, only the shared secret JOBS_SECRET in the X-Jobs-Secret header,
// compared in constant time. Without a configured secret the route refuses everyone.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import { sendFailure } from './http';

export const jobPaths = {
  checkIns: '/api/jobs/checkins',
  feedback: '/api/jobs/feedback',
  digest: '/api/jobs/digest',
  checkpoints: '/api/jobs/checkpoints',
  renewals: '/api/jobs/renewals',
  retention: '/api/jobs/retention',
  health: '/api/jobs/health',
} as const;
export const JOBS_SECRET_HEADER = 'x-jobs-secret';

// Hashing first gives both sides the same length, so the comparison leaks nothing about it.
const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function hasJobsSecret(presented: string | undefined, secret: string | undefined): boolean {
  if (!secret || presented === undefined) return false;
  return timingSafeEqual(digest(presented), digest(secret));
}

/** What each job path runs: check-ins due, closing 360 requests and their one reminder, the weekly
 * digest of shared wins, checkpoint reminders, renewal cards, the retention purge and the recheck of pairs at
 * risk (once a day each). */
export type Jobs = Partial<Record<keyof typeof jobPaths, { run: () => Promise<unknown> }>>;

export function jobRoutes(secret: string | undefined, jobs: Jobs): Router {
  const router = Router();
  const job =
    (run: () => Promise<unknown>): RequestHandler =>
    async (req, res, next) => {
      if (!hasJobsSecret(req.get(JOBS_SECRET_HEADER), secret)) {
        res.set('WWW-Authenticate', 'X-Jobs-Secret');
        return sendFailure(res, { code: 'unauthenticated', message: 'This job needs the scheduler secret.' });
      }
      try {
        const report = await run();
        res.json(report);
      } catch (error) {
        next(error);
      }
    };
  for (const [name, path] of Object.entries(jobPaths) as [keyof typeof jobPaths, string][]) {
    const found = jobs[name];
    if (found)
      router.post(
        path,
        job(() => found.run()),
      );
  }
  return router;
}
