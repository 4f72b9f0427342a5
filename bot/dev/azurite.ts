// The embedded Table Storage for local runs and tests: Azurite's table service started in this
// process. `azurite` has no usable main export, so its server classes are imported directly.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

interface AzuriteTableServer {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}

export interface EmbeddedAzurite {
  connectionString: string;
  port: number;
  close(): Promise<void>;
}

const ACCOUNT = 'devstoreaccount1';
// Azurite's well-known development key (public, documented by Microsoft; not a secret).
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export const azuriteConnectionString = (port: number) =>
  `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};TableEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;

/**
 * Starts Azurite's table service. With `dataDir` it persists there (npm start); without, it keeps
 * everything in memory (tests). Port 0 picks a free port.
 */
export async function startAzurite(options: { port?: number; dataDir?: string } = {}): Promise<EmbeddedAzurite> {
  const { default: TableServer } = require('azurite/dist/src/table/TableServer.js') as {
    default: new (config: unknown) => AzuriteTableServer;
  };
  const { default: TableConfiguration } = require('azurite/dist/src/table/TableConfiguration.js') as {
    default: new (...args: unknown[]) => unknown;
  };
  const inMemory = options.dataDir === undefined;
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const dbPath = options.dataDir ? join(options.dataDir, '__azurite_db_table__.json') : '__azurite_db_table__.json';
  const config = new TableConfiguration(
    '127.0.0.1', // host
    options.port ?? 0, // port
    undefined, // keepAliveTimeout
    dbPath, // metadataDBPath
    false, // enableDebugLog
    false, // enableAccessLog
    undefined, // accessLogWriteStream
    undefined, // debugLogFilePath
    false, // loose
    true, // skipApiVersionCheck
    '', // cert
    '', // key
    '', // pwd
    undefined, // oauth
    false, // disableProductStyleUrl
    inMemory, // isMemoryPersistence
  );
  const server = new TableServer(config);
  await server.start();
  const port = Number(new URL(server.getHttpServerAddress()).port);
  return { connectionString: azuriteConnectionString(port), port, close: () => server.close() };
}
