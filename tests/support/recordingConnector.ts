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

/** A member as the connector lists it (`TeamsChannelAccount`). */
export interface ConnectorMember {
  /** `29:...` for people, `28:...` for bots. */
  id: string;
  name: string;
  aadObjectId?: string;
  email?: string;
  /** `user` or `guest`. */
  userRole?: string;
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
  /**
   * What `GET /v3/conversations/:id/pagedmembers` answers for a conversation: its members (paged as
   * asked), or a failure (e.g. 403 BotNotInConversationRoster). A conversation never set answers 404.
   */
  setMembers(conversationId: string, members: ConnectorMember[] | ConnectorFailure): void;
  /** What `GET /v3/teams/:teamId/conversations` lists for a team (the General channel's id is the team's, with no name). Unset teams answer 404. */
  setTeamChannels(teamId: string, channels: { id: string; name?: string }[]): void;
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
      res
        .status(failure.status)
        .set(failure.headers ?? {})
        .json({ error: { code: failure.code ?? 'ServiceError', message: 'Programmed failure' } });
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
  const membersByConversation = new Map<string, ConnectorMember[] | ConnectorFailure>();
  app.get('/v3/conversations/:conversationId/pagedmembers', (req, res, next) => {
    const members = membersByConversation.get(String(req.params.conversationId));
    if (members === undefined) return next();
    const entry = record(req);
    if (!Array.isArray(members)) {
      entry.status = members.status;
      res
        .status(members.status)
        .set(members.headers ?? {})
        .json({ error: { code: members.code ?? 'ServiceError', message: 'Programmed failure' } });
      return;
    }
    const pageSize = Math.max(1, Number(req.query.pageSize) || 50);
    const start = Number(req.query.continuationToken) || 0;
    const end = start + pageSize;
    entry.status = 200;
    res.status(200).json({ members: members.slice(start, end), ...(end < members.length ? { continuationToken: String(end) } : {}) });
  });
  const channelsByTeam = new Map<string, { id: string; name?: string }[]>();
  app.get('/v3/teams/:teamId/conversations', (req, res, next) => {
    const channels = channelsByTeam.get(String(req.params.teamId));
    if (channels === undefined) return next();
    record(req).status = 200;
    res.status(200).json({ conversations: channels });
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
    setMembers: (conversationId, members) => {
      membersByConversation.set(conversationId, members);
    },
    setTeamChannels: (teamId, channels) => {
      channelsByTeam.set(teamId, channels);
    },
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
