import { describe, expect, it } from 'vitest';
import { refreshingAfter, refreshQueue, type OwedRefreshes } from '../../shared/health/refreshOnWrite';
import { fail, ok, type Result } from '../../shared/result';

/** A refresh that waits until released, recording each start. */
function gatedRefresh() {
  const started: string[] = [];
  const gates: (() => void)[] = [];
  const refresh = async (pairId: string) => {
    started.push(pairId);
    await new Promise<void>((release) => gates.push(release));
    if (pairId === 'broken') throw new Error('storage answered 500');
  };
  const releaseAll = () => gates.splice(0).forEach((release) => release());
  return { started, refresh, releaseAll };
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * Records of refreshes owed kept as the table keeps them: each write gives the record a new ETag, a
 * removal under an older ETag leaves it. Removals wait until released when `gatePaid` is set.
 */
function owedRecords(gatePaid = false) {
  const stored = new Map<string, string>();
  const written: string[] = [];
  const paidGates: (() => void)[] = [];
  let n = 0;
  const owed: OwedRefreshes = {
    async owe(pairId) {
      await tick();
      written.push(pairId);
      const etag = `etag-${++n}`;
      stored.set(pairId, etag);
      return etag;
    },
    async paid({ pairId, etag }) {
      if (gatePaid) await new Promise<void>((release) => paidGates.push(release));
      if (stored.get(pairId) === etag) stored.delete(pairId);
    },
  };
  const releasePaid = () => paidGates.splice(0).forEach((release) => release());
  return { stored, written, owed, releasePaid, paidWaiting: () => paidGates.length };
}

describe('the background refresh of a pair’s health', () => {
  it('runs one refresh of a pair at a time, once more for the writes that came while it ran', async () => {
    const gated = gatedRefresh();
    const queue = refreshQueue(gated.refresh, () => undefined, tick);
    void queue.touch('p1');
    void queue.touch('p1');
    void queue.touch('p1');
    void queue.touch('p2');
    // Each waits a moment after the write that asked for it; the writes of that moment make one refresh.
    expect(gated.started).toEqual([]);
    await tick();
    await tick();
    expect(gated.started).toEqual(['p1', 'p2']);
    // Two writes while p1's refresh runs: one more refresh after it, not two, and none at once.
    void queue.touch('p1');
    void queue.touch('p1');
    let settled = false;
    void queue.settled().then(() => (settled = true));
    gated.releaseAll();
    await tick();
    await tick();
    expect(gated.started).toEqual(['p1', 'p2', 'p1']);
    expect(settled).toBe(false);
    gated.releaseAll();
    await tick();
    expect(settled).toBe(true);
    void queue.touch('p1');
    await tick();
    await tick();
    expect(gated.started).toEqual(['p1', 'p2', 'p1', 'p1']);
    gated.releaseAll();
    await queue.settled();
  });

  it('reports a refresh that failed and carries on', async () => {
    const gated = gatedRefresh();
    const failures: string[] = [];
    const queue = refreshQueue(gated.refresh, (error, pairId) => failures.push(`${pairId}: ${(error as Error).message}`), tick);
    void queue.touch('broken');
    await tick();
    await tick();
    gated.releaseAll();
    await queue.settled();
    expect(failures).toEqual(['broken: storage answered 500']);
    void queue.touch('broken');
    await tick();
    await tick();
    expect(gated.started).toEqual(['broken', 'broken']);
    gated.releaseAll();
    await queue.settled();
    expect(failures).toHaveLength(2);
  });

  it('records the refresh owed before the touch resolves, once while it is pending, and removes it once it ran', async () => {
    const gated = gatedRefresh();
    const records = owedRecords();
    const queue = refreshQueue(gated.refresh, () => undefined, tick, records.owed);
    let recorded = false;
    const first = queue.touch('p1').then(() => (recorded = true));
    expect(recorded).toBe(false);
    await first;
    expect([...records.stored.keys()]).toEqual(['p1']);
    // More writes while the refresh is pending: the record held covers them, nothing more is written.
    await queue.touch('p1');
    await tick();
    await tick();
    expect(gated.started).toEqual(['p1']);
    await queue.touch('p1');
    expect(records.written).toEqual(['p1']);
    gated.releaseAll();
    await tick();
    await tick();
    // The write that came while it ran is refreshed again before the record goes.
    expect(gated.started).toEqual(['p1', 'p1']);
    expect(records.stored.has('p1')).toBe(true);
    gated.releaseAll();
    await queue.settled();
    expect(records.stored.size).toBe(0);
    // The next write records again.
    await queue.touch('p1');
    expect(records.written).toEqual(['p1', 'p1']);
    await tick();
    await tick();
    gated.releaseAll();
    await queue.settled();
    expect(records.stored.size).toBe(0);
  });

  it('leaves the record of a refresh that never ran or failed, and a later write records anew', async () => {
    const records = owedRecords();
    const never = refreshQueue(
      async () => undefined,
      () => undefined,
      () => new Promise<void>(() => undefined),
      records.owed,
    );
    await never.touch('p1');
    expect(records.stored.get('p1')).toBe('etag-1');

    const gated = gatedRefresh();
    const failures: string[] = [];
    const queue = refreshQueue(gated.refresh, (_e, pairId) => failures.push(pairId), tick, records.owed);
    await queue.touch('broken');
    await tick();
    gated.releaseAll();
    await queue.settled();
    expect(failures).toEqual(['broken']);
    expect(records.stored.get('broken')).toBe('etag-2');
    await queue.touch('broken');
    expect(records.written).toEqual(['p1', 'broken', 'broken']);
    expect(records.stored.get('broken')).toBe('etag-3');
    await tick();
    gated.releaseAll();
    await queue.settled();
    expect(records.stored.get('broken')).toBe('etag-3');
  });

  it('a write while the record is being removed records again, and that record stays until its refresh ran', async () => {
    const gated = gatedRefresh();
    const records = owedRecords(true);
    const queue = refreshQueue(gated.refresh, () => undefined, tick, records.owed);
    await queue.touch('p1');
    await tick();
    gated.releaseAll();
    while (records.paidWaiting() === 0) await tick();
    // The refresh ran; its record is being removed when another write comes.
    await queue.touch('p1');
    expect(records.written).toEqual(['p1', 'p1']);
    records.releasePaid();
    await tick();
    // The older removal left the newer record.
    expect(records.stored.get('p1')).toBe('etag-2');
    await tick();
    expect(gated.started).toEqual(['p1', 'p1']);
    gated.releaseAll();
    while (records.paidWaiting() === 0) await tick();
    records.releasePaid();
    await queue.settled();
    expect(records.stored.size).toBe(0);
  });

  it('keeps the record of a write that owed a refresh while one ran, until the refresh scheduled after that write', async () => {
    const gated = gatedRefresh();
    const records = owedRecords();
    const queue = refreshQueue(gated.refresh, () => undefined, tick, records.owed);
    await queue.touch('p1');
    await tick();
    expect(gated.started).toEqual(['p1']);
    // Another write owes a refresh while this one runs, and is still being written when it ends.
    await queue.owe('p1');
    gated.releaseAll();
    await queue.settled();
    expect(records.stored.has('p1')).toBe(true);
    // Its write done, its refresh runs, and only then does the record go.
    queue.schedule('p1');
    await tick();
    expect(gated.started).toEqual(['p1', 'p1']);
    expect(records.stored.has('p1')).toBe(true);
    gated.releaseAll();
    await queue.settled();
    expect(records.stored.size).toBe(0);
    expect(records.written).toEqual(['p1']);
  });
});

describe('a repository whose writes owe refreshes', () => {
  /** A write that waits until released, answering `result`. */
  function gatedWrite(result: Result<string>) {
    let release = () => undefined as void;
    const repo = {
      save: (_pairId: string) =>
        new Promise<Result<string>>((resolve) => {
          release = () => resolve(result);
        }),
    };
    return { repo, release: () => release() };
  }

  it('records the refresh owed while the write is in flight, answers once both are done, then starts the refresh', async () => {
    const gated = gatedRefresh();
    const records = owedRecords();
    const queue = refreshQueue(gated.refresh, () => undefined, tick, records.owed);
    const write = gatedWrite(ok('saved'));
    const repo = refreshingAfter(write.repo, { save: (pairId: string) => pairId }, queue);
    let answered = false;
    const saving = repo.save('p1').then((r) => ((answered = true), r));
    await tick();
    await tick();
    // The record is written while the write is still in flight, not after it.
    expect(records.written).toEqual(['p1']);
    expect(answered).toBe(false);
    expect(gated.started).toEqual([]);
    write.release();
    expect(await saving).toEqual(ok('saved'));
    await tick();
    expect(gated.started).toEqual(['p1']);
    gated.releaseAll();
    await queue.settled();
    expect(records.stored.size).toBe(0);
  });

  it('refreshes after a refused write too, which removes its record', async () => {
    const gated = gatedRefresh();
    const records = owedRecords();
    const queue = refreshQueue(gated.refresh, () => undefined, tick, records.owed);
    const write = gatedWrite(fail('conflict', 'Changed meanwhile.'));
    const repo = refreshingAfter(write.repo, { save: (pairId: string) => pairId }, queue);
    const saving = repo.save('p1');
    write.release();
    expect((await saving).ok).toBe(false);
    await tick();
    gated.releaseAll();
    await queue.settled();
    expect(gated.started).toEqual(['p1']);
    expect(records.stored.size).toBe(0);
  });
});
