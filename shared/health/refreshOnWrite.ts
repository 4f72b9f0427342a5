// Where program health learns that a pair changed: around the repositories every door writes
// through, so no use case has to remember it. Each wrapped write, once it succeeded, refreshes the
// pair's health; a refresh that fails is reported and left to the daily recheck or a rebuild, never
// turned into a failure of the write the person made.
import type { CheckpointRepository } from '../checkpoints/checkpointRepository';
import type { CheckInRepository, FeedbackRepository, PlanRepository } from '../repositories';
import type { Result } from '../result';

export type RefreshPair = (pairId: string) => Promise<void>;

type Writes<R> = { [K in keyof R]?: R[K] extends (...args: infer A) => Promise<Result<unknown>> ? (...args: A) => string : never };

/** `repo` with each named write followed, when it succeeded, by a refresh of the pair it names. */
export function refreshingAfter<R extends object>(
  repo: R,
  writes: Writes<R>,
  refresh: RefreshPair,
  onError: (error: unknown, pairId: string) => void,
): R {
  const wrapped: Partial<R> = {};
  for (const [name, pairOf] of Object.entries(writes) as [keyof R, (...args: unknown[]) => string][]) {
    const write = repo[name] as unknown as (...args: unknown[]) => Promise<Result<unknown>>;
    wrapped[name] = (async (...args: unknown[]) => {
      const result = await write.apply(repo, args);
      if (result.ok) {
        const pairId = pairOf(...args);
        await refresh(pairId).catch((error: unknown) => onError(error, pairId));
      }
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
