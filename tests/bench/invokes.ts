// Latency of each invoke Teams sends the bot (message extension and card actions) through the real
// /api/messages against Azurite, next to a bare TeamsAdapter turn that only answers the invoke, in
// the same run and interleaved, so both see the same machine.
import { Agent, request, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { TeamsAdapter } from '@microsoft/teams-ai';
import express from 'express';
import { feedbackInputs, feedbackVerbs } from '../../bot/cards/feedbackRequestCard';
import { goalChoiceValue, meInputs } from '../../bot/cards/messageExtensionForms';
import { planUrl } from '../../bot/cards/planLinks';
import { parseConfig } from '../../bot/config';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { seedDemo } from '../../bot/dev/seedDemo';
import { createLogger } from '../../bot/log';
import { createApp } from '../../bot/server';
import { meCommands } from '../../bot/teams/messageExtensionCommands';
import { paths, pathFor, type FeedbackRequestCreated } from '../../shared/api';
import { addDays, todayIn } from '../../shared/dates';
import {
  cardActionActivity,
  fetchTaskActivity,
  queryActivity,
  queryLinkActivity,
  submitActionActivity,
  type TeamsUser,
} from '../support/botActivities';
import { startRecordingConnector } from '../support/recordingConnector';
import { measure, summarize, type LatencySummary } from './stats';
import { startCountingProxy, type RoundTripCount } from './storageRoundTrips';

export interface InvokeLatency {
  invoke: string;
  what: string;
  latency: LatencySummary;
  /** p50 of this invoke over p50 of the bare turn. */
  p50Ratio: number;
  /** Storage round trips on the invoke's path, counted once the server's caches are warm. */
  roundTrips: RoundTripCount;
  /** Sequential round trips the data needs at most: one for what only reads, two for a submit. */
  roundTripGoal: number;
}

export interface InvokeBenchResult {
  bare: LatencySummary;
  invokes: InvokeLatency[];
  goal: string;
  met: boolean;
}

const user = (p: { id: string; displayName: string }, n: number): TeamsUser => ({
  id: `29:1bench${n}`,
  aadObjectId: p.id,
  name: p.displayName,
});

export async function benchInvokes(connectionString: string, samples: number): Promise<InvokeBenchResult> {
  const connector = await startRecordingConnector();
  const proxy = await startCountingProxy(connectionString);
  const tablePrefix = `benchinv${randomUUID().slice(0, 8)}`;
  const config = parseConfig({
    PORT: '0',
    STORAGE_CONNECTION_STRING: proxy.connectionString,
    TABLE_PREFIX: tablePrefix,
    LOG_LEVEL: 'silent',
    CHECKIN_TIMER_SECONDS: '0',
    PUBLIC_URL: 'http://127.0.0.1:3978',
  });
  const { app, repositories, health } = await createApp(
    config,
    { connectionString: proxy.connectionString, tablePrefix },
    { log: createLogger('silent') },
  );
  await seedDemo(repositories, new Date());

  // The bare turn: the same adapter class, a handler that answers the invoke and does nothing else.
  const adapter = new TeamsAdapter({});
  const bare = express();
  bare.post('/api/messages', express.json({ limit: '256kb' }), async (req, res) => {
    await adapter.process(req, res, async (context) => {
      await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: {} } });
    });
  });

  const listen = (handler: express.Express) =>
    new Promise<Server>((resolve) => {
      const s = handler.listen(0, '127.0.0.1', () => resolve(s));
    });
  const [appServer, bareServer] = await Promise.all([listen(app), listen(bare)]);
  const portOf = (s: Server) => (s.address() as { port: number }).port;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });

  const post = (server: Server, path: string, body: unknown, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const payload = JSON.stringify(body);
      const req = request(
        {
          host: '127.0.0.1',
          port: portOf(server),
          path,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const invoke = (server: Server, activity: () => unknown) => async () => {
    const res = await post(server, '/api/messages', activity());
    if (res.status !== 200) throw new Error(`invoke answered ${res.status}: ${res.text.slice(0, 200)}`);
  };

  const priya = user(demoPeople.mentor, 1);
  const alex = user(demoPeople.menteeAlex, 2);
  const sam = user(demoPeople.menteeSam, 3);
  const serviceUrl = connector.serviceUrl;
  const chat = { serviceUrl, conversationId: '19:bench-chat@thread.v2', conversationType: 'groupChat' as const };

  // A request Sam answers, created through the API as the tab does.
  const closesOn = addDays(todayIn('UTC', new Date()), 14);
  const created = await post(
    appServer,
    pathFor(paths.feedbackRequests, { pairId: demoPairIds.alex }),
    {
      goalId: 'alex-oncall',
      respondents: [
        { personId: demoPeople.menteeSam.id, displayName: demoPeople.menteeSam.displayName, relation: 'peer' },
        { personId: demoPeople.manager.id, displayName: demoPeople.manager.displayName, relation: 'supervisor' },
      ],
      closesOn,
      anonymous: false,
    },
    { 'X-Dev-User': demoPeople.menteeAlex.id },
  );
  if (created.status !== 201) throw new Error(`creating the feedback request answered ${created.status}: ${created.text}`);
  const requestView = (JSON.parse(created.text) as FeedbackRequestCreated).request.value;
  let answer = 0;
  // Each note differs, so every run stores one (an identical note within minutes is taken as a retry).
  let notes = 0;
  const respondData = () => {
    answer += 1;
    const data: Record<string, unknown> = {
      pairId: requestView.pairId,
      requestId: requestView.id,
      [feedbackInputs.example]: `Ran the incident review, take ${answer}.`,
      [feedbackInputs.suggestion]: 'Write the timeline as you go.',
    };
    requestView.behaviors.forEach((_, i) => (data[feedbackInputs.rating(i)] = String(1 + ((answer + i) % 5))));
    return data;
  };

  const cases: { invoke: string; what: string; writes?: true; run: () => Promise<void> }[] = [
    {
      invoke: 'composeExtension/fetchTask',
      what: 'Send feedback dialog (mentor’s mentees and goals)',
      run: invoke(appServer, () => fetchTaskActivity({ ...chat, user: priya, commandId: meCommands.sendFeedback })),
    },
    {
      invoke: 'composeExtension/fetchTask',
      what: 'Request feedback dialog (reads the chat’s members)',
      run: invoke(appServer, () => fetchTaskActivity({ ...chat, user: alex, commandId: meCommands.requestFeedback })),
    },
    {
      invoke: 'composeExtension/submitAction',
      what: 'Send feedback (stores a journal entry)',
      writes: true,
      run: invoke(appServer, () =>
        submitActionActivity({
          ...chat,
          user: priya,
          commandId: meCommands.sendFeedback,
          data: {
            [meInputs.goal]: goalChoiceValue(demoPairIds.alex, 'alex-oncall'),
            [meInputs.text]: `Clear, calm incident notes today (${++notes}).`,
          },
        }),
      ),
    },
    {
      invoke: 'composeExtension/query',
      what: 'My goals search',
      run: invoke(appServer, () =>
        queryActivity({ ...chat, user: alex, commandId: meCommands.myGoals, parameters: [{ name: 'searchText', value: 'incident' }] }),
      ),
    },
    {
      invoke: 'composeExtension/queryLink',
      what: 'Unfurl a goal link',
      run: invoke(appServer, () =>
        queryLinkActivity({ ...chat, user: alex, url: planUrl(config.publicUrl, { pairId: demoPairIds.alex, goalId: 'alex-oncall' }) }),
      ),
    },
    // No storage at all: the cost of the bot's own pipeline (routing, validation, card) over the bare turn.
    {
      invoke: 'composeExtension/queryLink',
      what: 'Unfurl another site’s link (no storage)',
      run: invoke(appServer, () => queryLinkActivity({ ...chat, user: alex, url: 'https://example.com/plans/x' })),
    },
    {
      invoke: 'adaptiveCard/action',
      what: 'Answer a feedback request (stores the answer)',
      writes: true,
      run: invoke(appServer, () => cardActionActivity({ ...chat, user: sam, verb: feedbackVerbs.respond, data: respondData() })),
    },
  ];
  const bareTurn = invoke(bareServer, () =>
    queryActivity({ ...chat, user: alex, commandId: meCommands.myGoals, parameters: [{ name: 'searchText', value: 'incident' }] }),
  );

  const bareMs: number[] = [];
  const caseMs = cases.map(() => [] as number[]);
  const roundTrips: RoundTripCount[] = [];
  const blocks = 10;
  const perBlock = Math.max(1, Math.round(samples / blocks));
  try {
    for (let b = 0; b < blocks; b++) {
      const warmup = b === 0 ? 20 : 2;
      bareMs.push(...(await measure(perBlock, warmup, bareTurn)));
      for (const [i, c] of cases.entries()) caseMs[i]!.push(...(await measure(perBlock, warmup, c.run)));
    }
    // Counted after the timed runs, so caches are as warm as a busy server's.
    // Each counted alone: the program health a write refreshes in the background (after it answered)
    // is left to finish first, so it is not counted as the next invoke's work.
    for (const c of cases) {
      await health.service.settled();
      roundTrips.push(await proxy.count(c.run));
    }
  } finally {
    agent.destroy();
    for (const s of [appServer, bareServer]) {
      s.closeAllConnections();
      s.close();
    }
    await connector.close();
    await proxy.close();
  }

  const bareSummary = summarize(bareMs);
  const invokes = cases.map((c, i) => {
    const latency = summarize(caseMs[i]!);
    return {
      invoke: c.invoke,
      what: c.what,
      latency,
      p50Ratio: Math.round((latency.p50 / bareSummary.p50) * 100) / 100,
      roundTrips: roundTrips[i]!,
      roundTripGoal: c.writes ? 2 : 1,
    };
  });
  const met = invokes.every((r) => r.latency.p99 < 150 && r.roundTrips.sequential <= r.roundTripGoal);
  return {
    bare: bareSummary,
    invokes,
    goal: 'every p99 under 150 ms; at most 1 sequential storage round trip for what only reads, 2 for a submit',
    met,
  };
}
