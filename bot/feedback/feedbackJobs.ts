// The 360 feedback jobs: close requests whose date passed and remind pending respondents once.
// Open requests are found in the OpenFeedback index (by close date), never by reading every pair.
// Safe with several instances running at once: closing writes under the request's ETag, and the
// reminder is claimed (remindedAt written under the ETag) before any card goes out, so only one
// instance ever sends it. Triggered by the in-process timer or POST /api/jobs/feedback.
import { addDays, todayIn } from '../../shared/dates';
import { REMIND_DAYS_BEFORE_CLOSE } from '../../shared/feedback/feedbackRequest';
import type { FeedbackService } from '../../shared/feedback/feedbackService';
import type { FeedbackRepository } from '../../shared/repositories';
import { singleFlight } from '../jobs/singleFlight';
import { eachConcurrently } from '../jobs/workerPool';
import type { Logger } from '../log';
import type { OpenFeedbackIndex, OpenFeedbackRow } from '../storage/openFeedbackTable';
import type { FeedbackCardDelivery } from './feedbackDelivery';

export interface FeedbackJobDeps {
  index: OpenFeedbackIndex;
  feedback: Pick<FeedbackRepository, 'getRequest'>;
  service: Pick<FeedbackService, 'closeIfDue' | 'claimReminder'>;
  delivery: Pick<FeedbackCardDelivery, 'sendRequest'>;
  log: Logger;
  now: () => Date;
}

export type FeedbackRowOutcome = 'closed' | 'reminded' | 'open' | 'dropped' | 'failed';

export interface FeedbackJobReport {
  /** Index rows read: open requests closing within the reminder window. */
  rows: number;
  outcomes: Record<FeedbackRowOutcome, number>;
  /** Reminder cards the connector accepted. */
  remindersDelivered: number;
}

const CONCURRENCY = 8;

export function createFeedbackJobs(deps: FeedbackJobDeps) {
  const { index, feedback, service, delivery, log, now } = deps;

  async function handle(row: OpenFeedbackRow, report: FeedbackJobReport): Promise<FeedbackRowOutcome> {
    const ref = { pairId: row.pairId, requestId: row.requestId };
    const stored = await feedback.getRequest(row.pairId, row.requestId);
    if (!stored || stored.value.status !== 'open' || stored.value.closesOn !== row.closesOn) {
      await index.forget(row);
      return 'dropped';
    }
    const closed = await service.closeIfDue(ref);
    // A conflict: another instance changed the request meanwhile; the next run looks again.
    if (!closed.ok) return closed.error.code === 'conflict' ? 'open' : 'failed';
    if (closed.value) return 'closed';
    const claim = await service.claimReminder(ref);
    if (!claim.ok) return claim.error.code === 'conflict' ? 'open' : 'failed';
    if (!claim.value) return 'open';
    const sent = await delivery.sendRequest(claim.value, claim.value.pending, { reminder: true });
    report.remindersDelivered += sent.filter((d) => d.delivered).length;
    return 'reminded';
  }

  async function runOnce(): Promise<FeedbackJobReport> {
    const rows = await index.closingBy(addDays(todayIn('UTC', now()), REMIND_DAYS_BEFORE_CLOSE));
    const report: FeedbackJobReport = {
      rows: rows.length,
      outcomes: { closed: 0, reminded: 0, open: 0, dropped: 0, failed: 0 },
      remindersDelivered: 0,
    };
    await eachConcurrently(rows, CONCURRENCY, async (row) => {
      try {
        report.outcomes[await handle(row, report)]++;
      } catch (error) {
        // Storage down on one row: the row stays in the index and a later run retries it.
        log.warn('feedback job row failed; retried on a later run', {
          pairId: row.pairId,
          requestId: row.requestId,
          error: error instanceof Error ? error.message : String(error),
        });
        report.outcomes.failed++;
      }
    });
    if (report.outcomes.closed + report.outcomes.reminded > 0)
      log.info('feedback run', { ...report.outcomes, remindersDelivered: report.remindersDelivered });
    return report;
  }

  return {
    /** One pass over the open requests that are near or past their close date. A call while a pass runs joins it. */
    run: singleFlight(runOnce),
  };
}

export type FeedbackJobs = ReturnType<typeof createFeedbackJobs>;
