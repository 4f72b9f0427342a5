// Writes that race on one row's ETag (a limit row, a duplicate marker) are correct across server
// instances because the loser of each race retries; within one process they are also queued per
// key, so a burst of requests from one instance does not spend its time losing races to itself.

/** Runs the functions given for one key one after another, in the order they were given. */
export function oneAtATime(): <T>(key: string, run: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, run: () => Promise<T>) => {
    const previous = tails.get(key) ?? Promise.resolve();
    const next = previous.then(run, run);
    const tail = next.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return next;
  };
}
