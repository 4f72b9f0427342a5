// The real server for tests: real Express app, real Table Storage (the run's Azurite), demo data
// seeded, listening on a free loopback port.
import type { Server } from 'node:http';
import { parseConfig } from '../../bot/config';
import { seedDemo } from '../../bot/dev/seedDemo';
import { createLogger } from '../../bot/log';
import { createApp, type App, type AppDeps } from '../../bot/server';
import { openTables } from '../../bot/storage/tables';
import { newTablePrefix, testConnectionString } from './storage';

export interface TestServerOptions {
  env?: Record<string, string>;
  seed?: boolean;
  now?: () => Date;
  /** Collects log lines, so tests can assert what is (and is not) logged. */
  logLines?: string[];
  /** With AUTH_MODE=entra: how soon an unknown key id may refetch the keys (see AppDeps). */
  jwksCooldownMs?: number;
  /** The check-in sender's clock and options (see AppDeps). */
  checkInSender?: AppDeps['checkInSender'];
}

export interface TestServer {
  baseUrl: string;
  app: App;
  connectionString: string;
  tablePrefix: string;
  close(): Promise<void>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const connectionString = testConnectionString();
  const tablePrefix = newTablePrefix();
  const config = parseConfig({ APP_MODE: 'development', PORT: '0', LOG_LEVEL: 'debug', ...options.env, STORAGE_CONNECTION_STRING: connectionString, TABLE_PREFIX: tablePrefix });
  const lines = options.logLines;
  const log = createLogger(lines ? 'debug' : 'error', lines ? (l) => lines.push(l) : (l) => process.stderr.write(`${l}\n`));
  const app = await createApp(config, { connectionString, tablePrefix }, { now: options.now, log, jwksCooldownMs: options.jwksCooldownMs, checkInSender: options.checkInSender });
  if (options.seed !== false) await seedDemo(app.repositories, options.now?.() ?? new Date());
  const server: Server = await new Promise((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    connectionString,
    tablePrefix,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Tables of a test server, for asserting what is stored. */
export const tablesOf = (s: TestServer) => openTables({ connectionString: s.connectionString, tablePrefix: s.tablePrefix });
