// A stand-in for the Teams connector (Bot Framework REST API), which cannot run here. The bot
// sends its replies to the activity's serviceUrl; point that here and every request is recorded
// for the test to assert on. Only what the bot calls is implemented; anything else answers 404
// and is recorded too, so an unexpected call shows in the assertions.
import type { Server } from 'node:http';
import express from 'express';

export interface ConnectorRequest {
  method: string;
  path: string;
  conversationId: string;
  /** The activity replied to, for `POST .../activities/:activityId`. */
  replyToId?: string;
  authorization?: string;
  body: any;
  /** The status the connector answered. */
  status?: number;
}

/** A programmed answer instead of the normal one: e.g. 429 with Retry-After, 500, 403. */
export interface ConnectorFailure {
  status: number;
  headers?: Record<string, string>;
  /** The error code in the body, as Teams sends it (`ConversationNotFound`, `BotNotInConversationRoster`). */
  code?: string;
}

/** Decides per POST of an activity whether it fails; undefined: answered normally. */
export type ConnectorResponder = (request: ConnectorRequest) => ConnectorFailure | undefined;

export interface RecordingConnector {
  /** Use as the activity's serviceUrl. */
  serviceUrl: string;
  requests: ConnectorRequest[];
  /** The activities the bot sent, in order. */
  sent(): any[];
  /** The message activities only: a slow turn also sends "typing" activities, a timing detail. */
  messages(): any[];
  /** The message activities the connector accepted (2xx): what a person would see. */
  delivered(): ConnectorRequest[];
  /** Makes POSTs of activities fail as `responder` says (replaces the previous one; undefined: none fail). */
  failWith(responder: ConnectorResponder | undefined): void;
  clear(): void;
  close(): Promise<void>;
}

export async function startRecordingConnector(): Promise<RecordingConnector> {
  const requests: ConnectorRequest[] = [];
  let responder: ConnectorResponder | undefined;
  const app = express();
  app.use(express.json({ limit: '1mb' }));

  const record = (req: express.Request, replyToId?: string): ConnectorRequest => {
    const entry = {
      method: req.method,
      path: req.path,
      conversationId: String(req.params.conversationId ?? ''),
      replyToId,
      authorization: req.get('authorization'),
      body: req.body,
    };
    requests.push(entry);
    return entry;
  };

  const post = (req: express.Request, res: express.Response, replyToId?: string) => {
    const entry = record(req, replyToId);
    const failure = responder?.(entry);
    entry.status = failure?.status ?? 201;
    if (failure) {
      res.status(failure.status).set(failure.headers ?? {}).json({ error: { code: failure.code ?? 'ServiceError', message: 'Programmed failure' } });
      return;
    }
    res.status(201).json({ id: `sent-${requests.length}` });
  };
  app.post('/v3/conversations/:conversationId/activities', (req, res) => post(req, res));
  app.post('/v3/conversations/:conversationId/activities/:activityId', (req, res) => post(req, res, String(req.params.activityId)));
  app.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    record(req, String(req.params.activityId));
    res.status(200).json({ id: String(req.params.activityId) });
  });
  app.use((req, res) => {
    record(req);
    res.status(404).json({ error: { code: 'NotImplemented', message: `The recording connector has no ${req.method} ${req.path}` } });
  });

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as { port: number };
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    requests,
    sent: () => requests.filter((r) => r.method === 'POST').map((r) => r.body),
    messages: () => requests.filter((r) => r.method === 'POST' && r.body?.type === 'message').map((r) => r.body),
    delivered: () => requests.filter((r) => r.method === 'POST' && r.body?.type === 'message' && r.status !== undefined && r.status < 300),
    failWith: (next) => {
      responder = next;
    },
    clear: () => {
      requests.length = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
