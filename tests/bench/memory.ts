// The server's resident memory after a long mixed load: plan loads, writes through the API and bot
// invokes on /api/messages, against the server in its own process so the figure is the server's
// alone. Replies the bot sends go to a local recording connector (the invoke's serviceUrl).
import { goalChoiceValue, meInputs } from '../../bot/cards/messageExtensionForms';
import { planUrl } from '../../bot/cards/planLinks';
import { demoPairIds, demoPeople } from '../../bot/dev/demoData';
import { meCommands } from '../../bot/teams/messageExtensionCommands';
import { paths, pathFor } from '../../shared/api';
import { apiAs } from '../support/apiClient';
import { queryActivity, queryLinkActivity, submitActionActivity, type TeamsUser } from '../support/botActivities';
import { startRecordingConnector } from '../support/recordingConnector';
import { startServerProcess } from './serverProcess';

export interface MemoryResult {
  requests: number;
  concurrency: number;
  /** Requests answered with a status other than the expected one (should be 0). */
  failed: number;
  seconds: number;
  /** Resident set size after start-up (demo data seeded) and after the load, in MB (2^20 bytes). */
  rssAtStartMb: number;
  rssAfterMb: number;
  /** The JavaScript heap after a full collection, and memory outside it held by JavaScript objects (Buffers). */
  heapAfterMb: number;
  externalAfterMb: number;
  goalMb: number;
  met: boolean;
}

const GOAL_MB = 150;
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const user = (p: { id: string; displayName: string }, n: number): TeamsUser => ({
  id: `29:1memory${n}`,
  aadObjectId: p.id,
  name: p.displayName,
});

export async function benchMemory(connectionString: string, requests: number, concurrency = 8): Promise<MemoryResult> {
  const connector = await startRecordingConnector();
  const publicUrl = 'http://127.0.0.1:3978';
  // Writes are limited per person and minute; the load sends far more than a person would.
  const server = await startServerProcess(connectionString, { PUBLIC_URL: publicUrl, RATE_LIMIT_WRITES_PER_MINUTE: '10000' });
  try {
    const alex = apiAs(server.baseUrl, demoPeople.menteeAlex.id);
    const priya = apiAs(server.baseUrl, demoPeople.mentor.id);
    const chat = { serviceUrl: connector.serviceUrl, conversationId: '19:memory-chat@thread.v2', conversationType: 'groupChat' as const };
    const alexInTeams = user(demoPeople.menteeAlex, 1);
    const priyaInTeams = user(demoPeople.mentor, 2);
    const invoke = (activity: unknown) => alex.post('/api/messages', activity);

    // One round of ten: four plan loads, one "me", two writes through the API, three invokes.
    const round: { expect: number; send: (i: number) => Promise<{ status: number }> }[] = [
      { expect: 200, send: () => alex.get(pathFor(paths.plan, { pairId: demoPairIds.alex })) },
      { expect: 200, send: () => priya.get(pathFor(paths.plan, { pairId: demoPairIds.sam })) },
      { expect: 200, send: () => alex.get(paths.me) },
      {
        expect: 201,
        send: (i) =>
          alex.post(pathFor(paths.wins, { pairId: demoPairIds.alex }), {
            text: `Shipped step ${i} of the on-call runbook.`,
            goalId: 'alex-oncall',
          }),
      },
      { expect: 200, send: () => priya.get(pathFor(paths.plan, { pairId: demoPairIds.alex })) },
      {
        expect: 200,
        send: () =>
          invoke(
            queryActivity({
              ...chat,
              user: alexInTeams,
              commandId: meCommands.myGoals,
              parameters: [{ name: 'searchText', value: 'incident' }],
            }),
          ),
      },
      {
        expect: 201,
        send: (i) => priya.post(pathFor(paths.wins, { pairId: demoPairIds.sam }), { text: `Sam's dashboard review ${i} went well.` }),
      },
      {
        expect: 200,
        send: () =>
          invoke(
            queryLinkActivity({ ...chat, user: alexInTeams, url: planUrl(publicUrl, { pairId: demoPairIds.alex, goalId: 'alex-oncall' }) }),
          ),
      },
      { expect: 200, send: () => alex.get(pathFor(paths.plan, { pairId: demoPairIds.alex })) },
      {
        expect: 200,
        send: (i) =>
          invoke(
            submitActionActivity({
              ...chat,
              user: priyaInTeams,
              commandId: meCommands.sendFeedback,
              data: {
                [meInputs.goal]: goalChoiceValue(demoPairIds.alex, 'alex-oncall'),
                [meInputs.text]: `Calm incident notes, take ${i}.`,
              },
            }),
          ),
      },
    ];

    const rssAtStart = (await server.memory()).rss;
    let next = 0;
    let failed = 0;
    const started = performance.now();
    const worker = async () => {
      for (let i = next++; i < requests; i = next++) {
        const step = round[i % round.length]!;
        const res = await step.send(i);
        if (res.status !== step.expect) failed++;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    const after = await server.memory();
    const rssAfterMb = mb(after.rss);
    return {
      requests,
      concurrency,
      failed,
      seconds,
      rssAtStartMb: mb(rssAtStart),
      rssAfterMb,
      heapAfterMb: mb(after.heapUsed),
      externalAfterMb: mb(after.external),
      goalMb: GOAL_MB,
      met: rssAfterMb <= GOAL_MB && failed === 0,
    };
  } finally {
    await server.close();
    await connector.close();
  }
}
