// The in-process trigger of the background jobs (check-ins, feedback reminders and closing, the
// weekly digest): one run every CHECKIN_TIMER_SECONDS. Local runs default to it; in Azure the Bicep
// turns it on (with Always On keeping the process alive). An external scheduler may call
// POST /api/jobs/{job} instead; either way each job's claim-before-send protocol makes overlapping
// runs and several instances safe.
import type { Logger } from '../log';

/** Starts the timer; the returned function stops it. A run never overlaps the previous one. */
export function startJobTimer(job: string, run: () => Promise<unknown>, seconds: number, log: Logger): () => void {
  if (seconds <= 0) return () => undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      await run();
    } catch (error) {
      // Storage down, most likely: the next tick tries again.
      log.warn(`${job} run failed`, { error: error instanceof Error ? error.message : String(error) });
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
