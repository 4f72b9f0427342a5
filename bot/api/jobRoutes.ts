// Jobs an external scheduler triggers (in Azure: a Logic App or Function on a timer). Not a user
// route: no Teams token opens it, only the shared secret JOBS_SECRET in the X-Jobs-Secret header,
// compared in constant time. Without a configured secret the route refuses everyone.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import type { CheckInSender } from '../checkins/sender';
import type { FeedbackJobs } from '../feedback/feedbackJobs';
import type { DigestJob } from '../recognition/digestJob';
import type { RetentionJob } from '../jobs/retentionJob';
import { sendFailure } from './http';

export const jobPaths = {
  checkIns: '/api/jobs/checkins',
  feedback: '/api/jobs/feedback',
  digest: '/api/jobs/digest',
  retention: '/api/jobs/retention',
} as const;
export const JOBS_SECRET_HEADER = 'x-jobs-secret';

// Hashing first gives both sides the same length, so the comparison leaks nothing about it.
const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export function hasJobsSecret(presented: string | undefined, secret: string | undefined): boolean {
  if (!secret || presented === undefined) return false;
  return timingSafeEqual(digest(presented), digest(secret));
}

export function jobRoutes(
  sender: Pick<CheckInSender, 'run'>,
  secret: string | undefined,
  feedback?: Pick<FeedbackJobs, 'run'>,
  weeklyDigest?: Pick<DigestJob, 'run'>,
  retention?: Pick<RetentionJob, 'run'>,
): Router {
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
  router.post(
    jobPaths.checkIns,
    job(() => sender.run()),
  );
  // Closing 360 requests and their one reminder.
  if (feedback)
    router.post(
      jobPaths.feedback,
      job(() => feedback.run()),
    );
  // The weekly digest of shared wins to each program channel (posts only when one is due).
  if (weeklyDigest)
    router.post(
      jobPaths.digest,
      job(() => weeklyDigest.run()),
    );
  // The retention purge of pairs ended longer ago than their program keeps data (once a day).
  if (retention)
    router.post(
      jobPaths.retention,
      job(() => retention.run()),
    );
  return router;
}
