import { describe, expect, it } from 'vitest';
import { createSendRateLimiter } from '../../bot/checkins/sendRateLimiter';

/** A clock whose time moves only when every caller is asleep; sleepers due together wake together. */
function virtualClock() {
  let now = 0;
  const sleepers: { at: number; wake: () => void }[] = [];
  return {
    now: () => now,
    sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ at: now + Math.max(0, ms), wake })),
    /** Runs until nobody sleeps any more. */
    async drain() {
      for (;;) {
        await new Promise((r) => setImmediate(r));
        if (sleepers.length === 0) return;
        const at = Math.min(...sleepers.map((s) => s.at));
        // Coarse timers: everyone due within the next 15 ms wakes at once, as a busy event loop does.
        now = at + 15;
        const all = sleepers.splice(0);
        sleepers.push(...all.filter((x) => x.at > now));
        for (const s of all.filter((x) => x.at <= now)) s.wake();
      }
    },
  };
}

describe('send rate limiter', () => {
  it('never lets more than the tenant rate go in any one second, even when waiting senders wake in a bunch', async () => {
    const clock = virtualClock();
    const limiter = createSendRateLimiter({ tenantPerSecond: 48, conversationWindows: [{ count: 7, ms: 1_000 }] }, clock);
    const sentAt: number[] = [];
    const senders = Array.from({ length: 300 }, (_, i) =>
      limiter.acquire('tenant', `conversation-${i}`).then(() => {
        sentAt.push(clock.now());
      }),
    );
    await Promise.all([clock.drain(), ...senders]);
    expect(sentAt).toHaveLength(300);
    const busiestSecond = Math.max(...sentAt.map((t) => sentAt.filter((u) => u >= t && u < t + 1_000).length));
    expect(busiestSecond).toBeLessThanOrEqual(48);
    // ...and it still keeps close to the rate: 300 sends take a little over 300 / 48 seconds.
    expect(Math.max(...sentAt)).toBeLessThan(7_500);
  });
});
