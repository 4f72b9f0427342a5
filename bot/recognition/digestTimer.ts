// The in-process trigger of the weekly digest: every few seconds the job checks whether a program's
// digest is due (Monday 09:00 UTC for the week before) and not yet posted; that check is two cheap
// reads, and the job's claim makes overlapping runs and several instances post once. In Azure an
// external scheduler may call POST /api/jobs/digest instead.
import type { Logger } from '../log';
import type { DigestJob } from './digestJob';

/** Starts the timer; the returned function stops it. A run never overlaps the previous one. */
export function startDigestTimer(job: Pick<DigestJob, 'run'>, seconds: number, log: Logger): () => void {
  if (seconds <= 0) return () => undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      await job.run();
    } catch (error) {
      log.warn('weekly digest run failed', { error: error instanceof Error ? error.message : String(error) });
    }
    if (!stopped) schedule();
  };
  const schedule = () => {
    timer = setTimeout(() => void tick(), seconds * 1000);
    timer.unref();
  };
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
