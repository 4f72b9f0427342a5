// The jobs handle their rows a few at a time: enough to overlap storage and connector round trips,
// few enough that one run does not flood either (the send rate limiter sets the pace of sends).
import pLimit from 'p-limit';

/** Runs `handle` for every item, at most `concurrency` at once, in the items' order; resolves when all are done. */
export async function eachConcurrently<T>(items: readonly T[], concurrency: number, handle: (item: T) => Promise<void>): Promise<void> {
  if (items.length === 0) return;
  const limit = pLimit(Math.max(1, Math.min(concurrency, items.length)));
  await limit.map(items, (item) => handle(item));
}
