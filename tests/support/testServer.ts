// The real server for tests: real Express app, real Table Storage (the run's Azurite), demo data
// seeded, listening on a free loopback port.
import type { Server } from 'node:http';
import { parseConfig } from '../../bot/config';
import { startAzurite, type EmbeddedAzurite } from '../../bot/dev/azurite';
import { seedDemo } from '../../bot/dev/seedDemo';
import { checkInTable } from '../../bot/storage/checkInTable';
import { programRequestTable } from '../../bot/storage/programRequestTable';
import { createLogger } from '../../bot/log';
import { createApp, type App, type AppDeps } from '../../bot/server';
import { openTables } from '../../bot/storage/tables';
import { newTablePrefix, testConnectionString } from './storage';

export interface TestServerOptions {
  env?: Record<string, string>;
  seed?: boolean;
  /** Seeds the demo program's whole cohort (bot/dev/demoCohort.ts) too, as `npm start` does. */
  cohort?: boolean;
  now?: () => Date;
  /** Collects log lines, so tests can assert what is (and is not) logged. */
  logLines?: string[];
  /** With AUTH_MODE=entra: how soon an unknown key id may refetch the keys (see AppDeps). */
  jwksCooldownMs?: number;
  /** The check-in sender's clock and options (see AppDeps). */
  checkInSender?: AppDeps['checkInSender'];
  /**
   * Where the tables live: `shared` (default) is the run's Azurite with fresh tables; `own` is an
   * Azurite of this server's own that the test may stop (`ownAzurite`); `down` is one stopped as
   * soon as the server has started, so every storage call fails.
   */
  storage?: 'shared' | 'own' | 'down';
  /** A second instance against the same tables as another test server (a scaled-out app). */
  sameTablesAs?: TestServer;
  /**
   * How a program health refresh waits after its write (see AppDeps): at once unless set; a wait
   * that never ends makes an instance that stops before any refresh it owes has run.
   */
  healthRefreshWait?: () => Promise<void>;
}

export interface TestServer {
  baseUrl: string;
  app: App;
  connectionString: string;
  tablePrefix: string;
  /** With `storage: 'own'` or `'down'`: the server's own Azurite; closing it twice is harmless. */
  ownAzurite?: EmbeddedAzurite;
  close(): Promise<void>;
}

async function ownAzurite(): Promise<EmbeddedAzurite> {
  const azurite = await startAzurite();
  let closing: Promise<void> | undefined;
  return { ...azurite, close: () => (closing ??= azurite.close()) };
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const storage = options.storage ?? 'shared';
  const own = storage === 'shared' ? undefined : await ownAzurite();
  const connectionString = options.sameTablesAs?.connectionString ?? own?.connectionString ?? testConnectionString();
  const tablePrefix = options.sameTablesAs?.tablePrefix ?? newTablePrefix();
  const config = parseConfig({
    APP_MODE: 'development',
    PORT: '0',
    LOG_LEVEL: 'debug',
    ...options.env,
    STORAGE_CONNECTION_STRING: connectionString,
    TABLE_PREFIX: tablePrefix,
  });
  const lines = options.logLines;
  const log = createLogger(lines ? 'debug' : 'error', lines ? (l) => lines.push(l) : (l) => process.stderr.write(`${l}\n`));
  const app = await createApp(
    config,
    { connectionString, tablePrefix },
    {
      now: options.now,
      log,
      jwksCooldownMs: options.jwksCooldownMs,
      checkInSender: options.checkInSender,
      healthRefreshWait: options.healthRefreshWait ?? (() => Promise.resolve()),
    },
  );
  const cohort = options.cohort ? { cohort: { checkIns: checkInTable(app.tables), requests: programRequestTable(app.tables) } } : {};
  if (options.seed !== false)
    await seedDemo({ ...app.repositories, ...cohort, rebuildHealth: app.health.service.rebuildProgram }, options.now?.() ?? new Date());
  // As a start does (bot/start.ts): programs find their pairs through their index from here on.
  await app.programPairIndex.fileOnce();
  const server: Server = await new Promise((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  if (storage === 'down') await own?.close();
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    connectionString,
    tablePrefix,
    ownAzurite: own,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await own?.close();
    },
  };
}

/** Tables of a test server, for asserting what is stored. */
export const tablesOf = (s: TestServer) => openTables({ connectionString: s.connectionString, tablePrefix: s.tablePrefix });
