// Where program health learns that a pair changed: around the repositories every door writes
// through, so no use case has to remember it. Each wrapped write owes a refresh of the pair's health:
// alongside the write, one small upsert records in storage that the pair is owed one (none while this
// instance already holds a record for the pair), and the refresh runs after the write has answered
// (refreshQueue), so a person's write never waits for the program's figures, nor for one more round
// trip; once a refresh succeeded the record is removed. A refresh that fails is reported, and one that
// never ran (the instance stopped first) is lost to nobody: the daily recheck finds its record and
// runs it. Neither is ever turned into a failure of the write the person made.
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
 * Where a refresh owed is kept until it ran, so one an instance never ran (it stopped first) is
 * found by the daily recheck. `owe` resolves to the record's ETag; `paid` removes that record unless
 * it was written again since.
 */
export interface OwedRefreshes {
  owe(pairId: string): Promise<string>;
  paid(owed: { pairId: string; etag: string }): Promise<void>;
}

/**
 * Refreshes in the background, one pair at a time, shortly after the write (`wait`): a pair asked for
 * again while its refresh waits or runs is refreshed once more after it (however many writes came
 * meanwhile), never twice at once. `settled()` resolves once nothing is waiting or running, so a read
 * in this instance sees the writes it made.
 *
 * With `owed`, `owe` records in storage that the pair is owed a refresh (nothing while this instance
 * holds a record of the pair already), alongside the write that owes it, and `schedule` starts the
 * refresh once the write is done. The record is removed once a refresh that started after every
 * `owe` of the pair succeeded; a refresh that failed leaves it to the daily recheck. A record that
 * could not be written is reported and the refresh runs all the same.
 */
export function refreshQueue(
  refresh: RefreshPair,
  onError: (error: unknown, pairId: string) => void,
  wait: () => Promise<void> = delay,
  owed?: OwedRefreshes,
) {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  /** The records this instance wrote and has not removed, by pair. */
  const held = new Map<string, Promise<string | undefined>>();
  /** How many times each pair was owed a refresh: a refresh pays the record only if none came while it ran. */
  const owings = new Map<string, number>();

  function start(pairId: string) {
    const run = (async () => {
      await wait();
      for (;;) {
        again.delete(pairId);
        const record = held.get(pairId);
        const owedBefore = owings.get(pairId);
        const refreshed = await refresh(pairId).then(
          () => true,
          (error: unknown) => {
            onError(error, pairId);
            return false;
          },
        );
        if (again.has(pairId)) continue;
        // A write that owed a refresh while this one ran is refreshed by the run it schedules, which
        // keeps the record until then. Otherwise the record is done with here (removed, or left to
        // the daily recheck when the refresh failed), and a later write records its own.
        if (held.get(pairId) === record && owings.get(pairId) === owedBefore) {
          held.delete(pairId);
          owings.delete(pairId);
          const etag = await record;
          if (refreshed && etag !== undefined) await owed?.paid({ pairId, etag }).catch((error: unknown) => onError(error, pairId));
        }
        // Checked and cleared in one step: a schedule after this finds no refresh running and starts one.
        if (!again.has(pairId)) {
          running.delete(pairId);
          return;
        }
      }
    })();
    running.set(pairId, run);
  }

  /** Records that the pair is owed a refresh; resolves once it is recorded (at once without `owed`). */
  function owe(pairId: string): Promise<void> {
    owings.set(pairId, (owings.get(pairId) ?? 0) + 1);
    if (!owed) return Promise.resolve();
    let recorded = held.get(pairId);
    if (!recorded) {
      recorded = owed.owe(pairId).catch((error: unknown) => {
        onError(error, pairId);
        return undefined;
      });
      held.set(pairId, recorded);
    }
    return recorded.then(() => undefined);
  }

  /** Starts the pair's refresh once its write is done (or asks for one more after the one running). */
  function schedule(pairId: string): void {
    if (running.has(pairId)) again.add(pairId);
    else start(pairId);
  }

  return {
    owe,
    schedule,
    /** A refresh owed for a change already made: recorded (resolves then), and started. */
    async touch(pairId: string): Promise<void> {
      const recorded = owe(pairId);
      schedule(pairId);
      await recorded;
    },
    async settled(): Promise<void> {
      while (running.size > 0) await Promise.all(running.values());
    },
  };
}

export type RefreshQueue = ReturnType<typeof refreshQueue>;

/**
 * `repo` with each named write owing a refresh of the pair it names: the record is written alongside
 * the write (no round trip after it), and the refresh is scheduled once the write is done, whatever
 * its outcome (after a refused write the refresh changes nothing and removes the record).
 */
export function refreshingAfter<R extends object>(repo: R, writes: Writes<R>, queue: Pick<RefreshQueue, 'owe' | 'schedule'>): R {
  const wrapped: Partial<R> = {};
  for (const [name, pairOf] of Object.entries(writes) as [keyof R, (...args: unknown[]) => string][]) {
    const write = repo[name] as unknown as (...args: unknown[]) => Promise<Result<unknown>>;
    wrapped[name] = (async (...args: unknown[]) => {
      const pairId = pairOf(...args);
      const recorded = queue.owe(pairId);
      try {
        const result = await write.apply(repo, args);
        await recorded;
        return result;
      } finally {
        queue.schedule(pairId);
      }
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
