// Teams' limits on proactive messages, kept on this side so the connector rarely has to say 429:
// per conversation 7 messages a second, 60 in 30 seconds, 1,800 an hour; per app and tenant about
// 50 requests a second. The tenant budget is a token bucket spacing requests evenly (a burst would
// hit the per-second window); a 429 pauses the whole tenant for its Retry-After.
//
// The counts are per server instance: with several instances sending at once, give each a share
// of the tenant rate (CHECKIN_SENDS_PER_SECOND); the 429 handling covers the rest.

import type { Clock } from '../jobs/clock';

export type { Clock };

export interface SendRateLimits {
  /** Requests per second per tenant for this instance. */
  tenantPerSecond: number;
  /** Sliding windows per conversation: at most `count` in any `ms`. */
  conversationWindows: readonly { count: number; ms: number }[];
}

export const TEAMS_CONVERSATION_WINDOWS = [
  { count: 7, ms: 1_000 },
  { count: 60, ms: 30_000 },
  { count: 1_800, ms: 3_600_000 },
] as const;

/** The tenant limit is counted over any one second. */
const TENANT_WINDOW_MS = 1_000;

export function createSendRateLimiter(limits: SendRateLimits, clock: Clock) {
  const interval = 1_000 / limits.tenantPerSecond;
  /**
   * Per tenant: the theoretical time the next request may go (GCRA), a 429 pause, and the send times
   * of the last second. Evenly booked slots can still leave in a bunch when several waiting senders
   * wake together, so the last second's count is checked again at the moment of sending.
   */
  const tenants = new Map<string, { nextAt: number; pausedUntil: number; recent: number[] }>();
  /** Per conversation: send times within the longest window, oldest first. */
  const conversations = new Map<string, number[]>();
  const longestWindow = Math.max(...limits.conversationWindows.map((w) => w.ms));

  const tenant = (id: string) => {
    let t = tenants.get(id);
    if (!t) tenants.set(id, (t = { nextAt: 0, pausedUntil: 0, recent: [] }));
    return t;
  };

  function conversationAllowedAt(id: string, now: number): number {
    const sent = conversations.get(id);
    if (!sent) return now;
    while (sent.length > 0 && sent[0]! <= now - longestWindow) sent.shift();
    if (sent.length === 0) conversations.delete(id);
    let at = now;
    for (const w of limits.conversationWindows) {
      if (sent.length >= w.count) at = Math.max(at, sent[sent.length - w.count]! + w.ms);
    }
    return at;
  }

  return {
    /** Waits until one request to `conversation` in `tenantId` may go, and books it. */
    async acquire(tenantId: string, conversation: string): Promise<void> {
      for (;;) {
        const now = clock.now();
        const t = tenant(tenantId);
        const ready = Math.max(t.pausedUntil, conversationAllowedAt(conversation, now));
        if (ready > now) {
          await clock.sleep(ready - now);
          continue;
        }
        // Book the tenant slot now so concurrent callers queue behind it, then wait for it.
        const slot = Math.max(t.nextAt, now);
        t.nextAt = slot + interval;
        if (slot > now) await clock.sleep(slot - now);
        // A 429 may have paused the tenant while this caller waited for its slot.
        if (t.pausedUntil > clock.now()) continue;
        const sendAt = clock.now();
        while (t.recent.length > 0 && t.recent[0]! <= sendAt - TENANT_WINDOW_MS) t.recent.shift();
        if (t.recent.length >= limits.tenantPerSecond) {
          await clock.sleep(t.recent[0]! + TENANT_WINDOW_MS - sendAt);
          continue;
        }
        t.recent.push(sendAt);
        const list = conversations.get(conversation) ?? [];
        list.push(clock.now());
        conversations.set(conversation, list);
        return;
      }
    },

    /** The connector answered 429: nobody in the tenant sends before `retryAfterMs` has passed. */
    pauseTenant(tenantId: string, retryAfterMs: number): void {
      const t = tenant(tenantId);
      t.pausedUntil = Math.max(t.pausedUntil, clock.now() + retryAfterMs);
    },
  };
}

export type SendRateLimiter = ReturnType<typeof createSendRateLimiter>;
