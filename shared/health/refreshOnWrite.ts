// Where program health learns that a pair changed: around the repositories every door writes
// through, so no use case has to remember it. Each wrapped write, once it succeeded, asks for a
// refresh of the pair's health and, before it answers, records in storage that the pair is owed one
// (one small upsert, none while this instance already holds a record for the pair). The refresh runs
// after the write has answered (refreshQueue), so a person's write never waits for the program's
// figures; once one succeeded the record is removed. A refresh that fails is reported, and one that
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
 * With `owed`, a touch first records in storage that the pair is owed a refresh, and resolves once
 * that record is written (the write's request answers after it); a touch while this instance already
 * holds a record of the pair writes nothing. The record is removed once a refresh that started after
 * it succeeded; a refresh that failed leaves it to the daily recheck. A record that could not be
 * written is reported and the refresh runs all the same.
 */
export function refreshQueue(
  refresh: RefreshPair,
  onError: (error: unknown, pairId: string) => void,
  wait: () => Promise<void> = delay,
  owed?: OwedRefreshes,
) {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  /** The records this instance wrote and has not removed, by pair; only while the pair's refresh waits or runs. */
  const held = new Map<string, Promise<string | undefined>>();

  function start(pairId: string) {
    const run = (async () => {
      await wait();
      for (;;) {
        again.delete(pairId);
        const record = held.get(pairId);
        const refreshed = await refresh(pairId).then(
          () => true,
          (error: unknown) => {
            onError(error, pairId);
            return false;
          },
        );
        if (again.has(pairId)) continue;
        // This record is done with here (removed below, or left to the daily recheck): a later touch writes its own.
        if (held.get(pairId) === record) held.delete(pairId);
        const etag = await record;
        if (refreshed && etag !== undefined) await owed?.paid({ pairId, etag }).catch((error: unknown) => onError(error, pairId));
        // Checked and cleared in one step: a touch after this finds no refresh running and starts one.
        if (!again.has(pairId)) {
          running.delete(pairId);
          return;
        }
      }
    })();
    running.set(pairId, run);
  }

  return {
    /** Resolves once the refresh owed is recorded (at once without `owed`, or when a record is held). */
    async touch(pairId: string): Promise<void> {
      let recorded: Promise<string | undefined> | undefined;
      if (owed && !held.has(pairId)) {
        recorded = owed.owe(pairId).catch((error: unknown) => {
          onError(error, pairId);
          return undefined;
        });
        held.set(pairId, recorded);
      }
      if (running.has(pairId)) again.add(pairId);
      else start(pairId);
      await recorded;
    },
    async settled(): Promise<void> {
      while (running.size > 0) await Promise.all(running.values());
    },
  };
}

/** `repo` with each named write followed, when it succeeded, by `touch` of the pair it names (awaited: the refresh owed is recorded). */
export function refreshingAfter<R extends object>(repo: R, writes: Writes<R>, touch: (pairId: string) => Promise<void>): R {
  const wrapped: Partial<R> = {};
  for (const [name, pairOf] of Object.entries(writes) as [keyof R, (...args: unknown[]) => string][]) {
    const write = repo[name] as unknown as (...args: unknown[]) => Promise<Result<unknown>>;
    wrapped[name] = (async (...args: unknown[]) => {
      const result = await write.apply(repo, args);
      if (result.ok) await touch(pairOf(...args));
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
