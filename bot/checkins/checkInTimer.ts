// The in-process trigger for local runs: one sender run every CHECKIN_TIMER_SECONDS. In Azure an
// external scheduler calls POST /api/jobs/checkins instead (the timer is off by default there);
// either way the send-once protocol in sender.ts makes overlapping runs safe.
import type { Logger } from '../log';
import type { CheckInSender } from './sender';

/** Starts the timer; the returned function stops it. A run never overlaps the previous one. */
export function startCheckInTimer(sender: Pick<CheckInSender, 'run'>, seconds: number, log: Logger): () => void {
  if (seconds <= 0) return () => undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      await sender.run();
    } catch (error) {
      // Storage down, most likely: the next tick tries again.
      log.warn('check-in run failed', { error: error instanceof Error ? error.message : String(error) });
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
