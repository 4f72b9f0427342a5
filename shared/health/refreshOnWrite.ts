// Where program health learns that a pair changed: around the repositories every door writes
// through, so no use case has to remember it. Each wrapped write, once it succeeded, asks for a
// refresh of the pair's health; the refresh runs after the write has answered (refreshQueue), so a
// person's write never waits for the program's figures, and a refresh that fails is reported and left
// to the daily recheck or a rebuild, never turned into a failure of the write the person made.
import type { CheckpointRepository } from '../checkpoints/checkpointRepository';
import type { CheckInRepository, FeedbackRepository, PlanRepository } from '../repositories';
import type { Result } from '../result';

export type RefreshPair = (pairId: string) => Promise<void>;

type Writes<R> = { [K in keyof R]?: R[K] extends (...args: infer A) => Promise<Result<unknown>> ? (...args: A) => string : never };

/** How long a refresh waits after the write that asked for it: the write's request answers first,
 * and a burst of writes to one pair (a renewal's goals, a sign-off) makes one refresh. */
export const REFRESH_DELAY_MS = 100;

const delay = () => new Promise<void>((resolve) => setTimeout(resolve, REFRESH_DELAY_MS));

/**
 * Refreshes in the background, one pair at a time, shortly after the write (`wait`): a pair asked for
 * again while its refresh waits or runs is refreshed once more after it (however many writes came
 * meanwhile), never twice at once. `settled()` resolves once nothing is waiting or running, so a read
 * in this instance sees the writes it made.
 */
export function refreshQueue(refresh: RefreshPair, onError: (error: unknown, pairId: string) => void, wait: () => Promise<void> = delay) {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  return {
    touch(pairId: string): void {
      if (running.has(pairId)) {
        again.add(pairId);
        return;
      }
      const run = (async () => {
        await wait();
        for (;;) {
          again.delete(pairId);
          await refresh(pairId).catch((error: unknown) => onError(error, pairId));
          // Checked and cleared in one step: a touch after this finds no refresh running and starts one.
          if (!again.has(pairId)) {
            running.delete(pairId);
            return;
          }
        }
      })();
      running.set(pairId, run);
    },
    async settled(): Promise<void> {
      while (running.size > 0) await Promise.all(running.values());
    },
  };
}

/** `repo` with each named write followed, when it succeeded, by `touch` of the pair it names. */
export function refreshingAfter<R extends object>(repo: R, writes: Writes<R>, touch: (pairId: string) => void): R {
  const wrapped: Partial<R> = {};
  for (const [name, pairOf] of Object.entries(writes) as [keyof R, (...args: unknown[]) => string][]) {
    const write = repo[name] as unknown as (...args: unknown[]) => Promise<Result<unknown>>;
    wrapped[name] = (async (...args: unknown[]) => {
      const result = await write.apply(repo, args);
      if (result.ok) touch(pairOf(...args));
      return result;
    }) as R[keyof R];
  }
  return Object.assign(Object.create(repo) as R, wrapped);
}

/** The writes that change what a pair adds to its program's health, each with the pair it names. */
export const healthWrites = {
  plans: {
    createPair: (m) => m.id,
    updateMentorship: (m) => m.id,
    createGoal: (goal) => goal.pairId,
    updateGoal: (goal) => goal.pairId,
  } satisfies Writes<PlanRepository>,
  checkIns: {
    recordSent: (checkIn) => checkIn.pairId,
    update: (checkIn) => checkIn.pairId,
  } satisfies Writes<CheckInRepository>,
  feedback: {
    createRequest: (request) => request.pairId,
    updateRequest: (request) => request.pairId,
    saveResponse: (pairId) => pairId,
  } satisfies Writes<FeedbackRepository>,
  checkpoints: {
    create: (c) => c.pairId,
    update: (c) => c.pairId,
    signOff: (c) => c.pairId,
    correct: (_kept, next) => next.pairId,
  } satisfies Writes<CheckpointRepository>,
};
