// A local Bot Framework connector that enforces Teams' proactive limits as Teams documents them:
// per tenant 50 requests in any second, per conversation 7 a second, 60 in 30 s, 1,800 an hour.
// Over a limit it answers 429 with Retry-After, as Teams does. It counts what it accepted per
// conversation, so a benchmark can prove nothing was lost or doubled.
import type { Server } from 'node:http';
import express from 'express';

export interface LimitedConnector {
  serviceUrl: string;
  /** Accepted messages per conversation id. */
  accepted: Map<string, number>;
  /** Arrival times (ms) of accepted messages. */
  acceptedAt: number[];
  throttled: number;
  close(): Promise<void>;
}

const TENANT_PER_SECOND = 50;
const CONVERSATION_WINDOWS = [
  { count: 7, ms: 1_000 },
  { count: 60, ms: 30_000 },
  { count: 1_800, ms: 3_600_000 },
];

export async function startLimitedConnector(): Promise<LimitedConnector> {
  const tenantWindow: number[] = [];
  const perConversation = new Map<string, number[]>();
  const accepted = new Map<string, number>();
  const acceptedAt: number[] = [];
  let throttled = 0;

  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post(['/v3/conversations/:conversationId/activities', '/v3/conversations/:conversationId/activities/:activityId'], (req, res) => {
    const now = Date.now();
    const conversation = String(req.params.conversationId);
    while (tenantWindow.length > 0 && tenantWindow[0]! <= now - 1_000) tenantWindow.shift();
    const times = perConversation.get(conversation) ?? [];
    const overConversation = CONVERSATION_WINDOWS.some((w) => times.filter((t) => t > now - w.ms).length >= w.count);
    // Requests count against the tenant whether or not they are accepted, as at Teams.
    tenantWindow.push(now);
    if (tenantWindow.length > TENANT_PER_SECOND || overConversation) {
      throttled++;
      res
        .status(429)
        .set('Retry-After', '1')
        .json({ error: { code: 'TooManyRequests', message: 'Throttled' } });
      return;
    }
    times.push(now);
    perConversation.set(conversation, times);
    accepted.set(conversation, (accepted.get(conversation) ?? 0) + 1);
    acceptedAt.push(now);
    res.status(201).json({ id: `sent-${acceptedAt.length}` });
  });

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as { port: number };
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    accepted,
    acceptedAt,
    get throttled() {
      return throttled;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
