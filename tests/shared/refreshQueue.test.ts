import { describe, expect, it } from 'vitest';
import { refreshQueue } from '../../shared/health/refreshOnWrite';

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

describe('the background refresh of a pair’s health', () => {
  it('runs one refresh of a pair at a time, once more for the writes that came while it ran', async () => {
    const gated = gatedRefresh();
    const queue = refreshQueue(gated.refresh, () => undefined, tick);
    queue.touch('p1');
    queue.touch('p1');
    queue.touch('p1');
    queue.touch('p2');
    // Each waits a moment after the write that asked for it; the writes of that moment make one refresh.
    expect(gated.started).toEqual([]);
    await tick();
    await tick();
    expect(gated.started).toEqual(['p1', 'p2']);
    // Two writes while p1's refresh runs: one more refresh after it, not two, and none at once.
    queue.touch('p1');
    queue.touch('p1');
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
    queue.touch('p1');
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
    queue.touch('broken');
    await tick();
    await tick();
    gated.releaseAll();
    await queue.settled();
    expect(failures).toEqual(['broken: storage answered 500']);
    queue.touch('broken');
    await tick();
    await tick();
    expect(gated.started).toEqual(['broken', 'broken']);
    gated.releaseAll();
    await queue.settled();
    expect(failures).toHaveLength(2);
  });
});
