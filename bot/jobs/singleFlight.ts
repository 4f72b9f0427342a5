// A job is triggered by a timer and by POST /api/jobs/{job}, possibly at the same time: within one
// process a call while a run is going joins that run instead of starting a second one. Across
// processes the jobs' leases and claims keep the work single.

/** `run`, made to join the run in flight when called again before it settles. */
export function singleFlight<T>(run: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () => {
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  };
}
