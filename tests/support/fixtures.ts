// The test API for tests that run the real server: a test asks for `server`, `connector`, `bot` or
// `me` by name, and each is started once per file, on first use, and stopped after the file. What a
// file needs differently is an option, set once at its top:
//
//   const test = serverTest.override({ serverOptions: { env: { PUBLIC_URL } }, chat: { conversationType: 'groupChat' } });
//   test.override('serverOptions', ({ entra }) => ({ env: entra.productionEnv }));
//
// The recording connector forgets what it recorded, and any failure it was told to answer with,
// before each test, so a test sees what it caused.
import { apiAs } from './apiClient';
import { demoPeople } from '../../bot/dev/demoData';
import { test as base, type TestAPI } from 'vitest';
import {
  BOT,
  cardActionActivity,
  installActivity,
  messageActivity,
  postActivity,
  type ActivityOptions,
  type TeamsUser,
} from './botActivities';
import { startLocalEntra, type LocalEntra } from './entraTokens';
import { messageExtensionDriver, type ChatOptions } from './messageExtensionDriver';
import { startRecordingConnector, type RecordingConnector } from './recordingConnector';
import { startTestServer, tablesOf, type TestServer, type TestServerOptions } from './testServer';
import { checkInTable } from '../../bot/storage/checkInTable';
import type { CheckInAnswer, MentorComment } from '../../shared/checkins/checkIn';

export type { ChatOptions, TestServer, TestServerOptions };

type Where = Omit<ActivityOptions, 'serviceUrl' | 'user'>;

/** Posts Bot Framework activities to the real /api/messages, as Teams sends them, with replies going to the recording connector. */
export interface BotDriver {
  post(activity: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  /** The user installs the app (personal scope unless `where` says otherwise). */
  install(user: TeamsUser, where?: Where): Promise<{ status: number; text: string }>;
  say(user: TeamsUser, text: string, where?: Where): Promise<{ status: number; text: string }>;
  /** A card's Action.Execute; the invoke response's body is in `text`. */
  cardAction(user: TeamsUser, verb: string, data: Record<string, unknown>, where?: Where): Promise<{ status: number; text: string }>;
  /** Activity options for `user`, pointing at the recording connector. */
  as(user: TeamsUser, where?: Where): ActivityOptions;
}

/** A check-in as the sender and the answer card leave it: sent (or missed) at 17:00 UTC on `slot`, then answered if `answer` is given. */
export interface CheckInSeed {
  pairId: string;
  slot: string;
  missed?: boolean;
  /** The program's questions the check-in was sent with; the defaults when absent. */
  questions?: string[];
  answer?: CheckInAnswer;
  answeredBy?: string;
  /** When it was answered: 18:00 UTC on the slot's day unless given. */
  answeredAt?: string;
  comments?: MentorComment[];
}

/** Stores check-ins straight into the server's tables, with the journal entry an answer writes. */
export const checkInSeeder =
  (server: TestServer) =>
  async (seed: CheckInSeed): Promise<void> => {
    const checkIns = checkInTable(tablesOf(server));
    const { pairId, slot } = seed;
    const sent = await checkIns.recordSent({
      pairId,
      slot,
      dueAt: `${slot}T17:00:00.000Z`,
      status: seed.missed ? 'missed' : 'sent',
      sentAt: `${slot}T17:00:00.000Z`,
      ...(seed.questions ? { questions: seed.questions } : {}),
      comments: [],
    });
    if (!sent.ok) throw new Error(sent.error.message);
    if (!seed.answer) return;
    const at = seed.answeredAt ?? `${slot}T18:00:00.000Z`;
    const by = seed.answeredBy ?? demoPeople.menteeAlex.id;
    const answered = await checkIns.update(
      { ...sent.value.value, status: 'answered', answeredAt: at, answeredBy: by, answer: seed.answer, comments: seed.comments ?? [] },
      sent.value.etag,
      {
        id: `j-${pairId}-${slot}`,
        pairId,
        kind: 'check_in',
        at,
        authorId: by,
        visibility: 'pair',
        menteeConsented: false,
        summary: 'Check-in answered.',
        checkInSlot: slot,
      },
    );
    if (!answered.ok) throw new Error(answered.error.message);
  };

export function botDriver(server: TestServer, connector: RecordingConnector): BotDriver {
  const as = (user: TeamsUser, where: Where = {}): ActivityOptions => ({ serviceUrl: connector.serviceUrl, user, ...where });
  const post = (activity: unknown, headers?: Record<string, string>) => postActivity(server.baseUrl, activity, headers);
  return {
    post,
    as,
    install: (user, where) => post(installActivity({ ...as(user, where), membersAdded: [{ id: BOT.id }] })),
    say: (user, text, where) => post(messageActivity({ ...as(user, where), text })),
    cardAction: (user, verb, data, where) => post(cardActionActivity({ ...as(user, where), verb, data })),
  };
}

export const test = base
  /** Options for the file's server: env, seed, clock (`now`), log lines, sender options, storage. */
  .extend('serverOptions', { scope: 'file' }, {} as TestServerOptions)
  /** The conversation the message extension is used in (`me`); a personal chat unless set. */
  .extend('chat', { scope: 'file' }, {} as ChatOptions)
  /** Keep what the connector recorded from one test to the next, for files whose tests build on each other. */
  .extend('keepConnectorRecords', { scope: 'file' }, false as boolean)
  .extend('connector', { scope: 'file' }, async ({}, { onCleanup }) => {
    const connector = await startRecordingConnector();
    onCleanup(() => connector.close());
    return connector;
  })
  .extend('server', { scope: 'file' }, async ({ serverOptions }, { onCleanup }) => {
    const server = await startTestServer(serverOptions);
    onCleanup(() => server.close());
    return server;
  })
  /** Starts further servers (another configuration, or `sameTablesAs` a second instance), all stopped after the file. */
  .extend('startServer', { scope: 'file' }, async ({}, { onCleanup }) => {
    const started: TestServer[] = [];
    onCleanup(async () => {
      await Promise.all(started.map((s) => s.close()));
    });
    return async (options: TestServerOptions = {}): Promise<TestServer> => {
      const server = await startTestServer(options);
      started.push(server);
      return server;
    };
  })
  .extend('baseUrl', { scope: 'file' }, ({ server }) => server.baseUrl)
  .extend('tables', { scope: 'file' }, ({ server }) => tablesOf(server))
  /** The server's own Azurite, with `serverOptions.storage` `own`: stop it to test an outage. */
  .extend('azurite', { scope: 'file' }, ({ server }) => {
    if (!server.ownAzurite) throw new Error("The azurite fixture needs serverOptions: { storage: 'own' }");
    return server.ownAzurite;
  })
  /** A local stand-in for Entra ID (keys, tokens); its `env` / `productionEnv` configure a server to trust it. */
  .extend('entra', { scope: 'file' }, async ({}, { onCleanup }): Promise<LocalEntra> => {
    const entra = await startLocalEntra();
    onCleanup(() => entra.close());
    return entra;
  })
  /** Stores a check-in (sent, missed or answered) for a test to read: `await seedCheckIn({ pairId, slot, answer })`. */
  .extend('seedCheckIn', { scope: 'file' }, ({ server }) => checkInSeeder(server))
  .extend('bot', { scope: 'file' }, ({ server, connector }) => botDriver(server, connector))
  .extend('me', { scope: 'file' }, ({ server, connector, chat }) =>
    messageExtensionDriver(
      () => server,
      () => connector,
      chat,
    ),
  )
  /** API clients signed in (development sign-in) as the demo people: `await alex().get(...)`. */
  .extend(
    'alex',
    { scope: 'file' },
    ({ server }) =>
      () =>
        apiAs(server.baseUrl, demoPeople.menteeAlex.id),
  )
  .extend(
    'priya',
    { scope: 'file' },
    ({ server }) =>
      () =>
        apiAs(server.baseUrl, demoPeople.mentor.id),
  )
  .extend(
    'sam',
    { scope: 'file' },
    ({ server }) =>
      () =>
        apiAs(server.baseUrl, demoPeople.menteeSam.id),
  )
  .extend(
    'jordan',
    { scope: 'file' },
    ({ server }) =>
      () =>
        apiAs(server.baseUrl, demoPeople.manager.id),
  )
  .extend('freshConnector', { auto: true }, ({ connector, keepConnectorRecords }) => {
    connector.failWith(undefined);
    if (!keepConnectorRecords) connector.clear();
  });

export { test as serverTest };

/**
 * The file's server for code that runs outside a test's context, such as the requests of an
 * `it.each` table, which is built before any test runs: the `server` fixture, set before the first test.
 */
export function serverOutsideTests<T extends { server: TestServer }>(t: TestAPI<T>): TestServer {
  let current: TestServer | undefined;
  t.beforeAll(({ server }: { server: TestServer }) => {
    current = server;
  });
  return new Proxy({} as TestServer, {
    get(_, key) {
      if (!current) throw new Error('The server starts before the first test');
      return Reflect.get(current, key);
    },
  });
}
