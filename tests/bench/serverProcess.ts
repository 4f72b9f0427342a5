// Starts benchServer.ts in its own Node process, so its memory is measured alone and its event loop
// does not share the bench's. It is built as production builds the server (scripts/buildServer.ts:
// one bundle, no TypeScript at run time) and runs with the Node and V8 flags of the production start
// (`npm run start:prod` in package.json), so the figures are the ones production gets.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildServer } from '../../scripts/buildServer';
import type { BenchServerMemory, BenchServerReady } from './benchServer';

const benchOutdir = resolve('dist', 'server-bench');
let built: Promise<string> | undefined;
/** The bench server's bundle, built once per run beside dist/server (so it finds dist/tab as the real one does). */
const builtBenchServer = (): Promise<string> =>
  (built ??= buildServer(benchOutdir, resolve('tests', 'bench', 'benchServer.ts')).then(() => join(benchOutdir, 'main.js')));

export interface ServerProcess {
  baseUrl: string;
  /** The server's resident set size and heap after a full garbage collection, in bytes. */
  memory(): Promise<BenchServerMemory>;
  close(): Promise<void>;
}

/** The flags `start:prod` gives Node (`node --flag … dist/server/main.js`). */
export function productionNodeFlags(): string[] {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  const words = scripts['start:prod']?.split(/\s+/) ?? [];
  if (words[0] !== 'node' || !words.at(-1)?.endsWith('.js'))
    throw new Error('package.json: start:prod should run `node <flags> <built server>.js`');
  return words.slice(1, -1);
}

export async function startServerProcess(connectionString: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = fork(await builtBenchServer(), [], {
    // --expose-gc only lets the bench collect before reading the figure.
    execArgv: [...productionNodeFlags(), '--expose-gc'],
    env: {
      PATH: process.env.PATH,
      APP_MODE: 'development',
      LOG_LEVEL: 'info',
      CHECKIN_TIMER_SECONDS: '0',
      STORAGE_CONNECTION_STRING: connectionString,
      TABLE_PREFIX: `benchp${randomUUID().slice(0, 8)}`,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The server process did not start within 60 s')), 60_000);
    child.once('message', (m) => {
      clearTimeout(timer);
      resolve((m as BenchServerReady).port);
    });
    child.once('exit', (code) => reject(new Error(`The server process exited with ${code}`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    memory: () =>
      new Promise((resolve) => {
        child.once('message', (m) => resolve(m as BenchServerMemory));
        child.send('rss');
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}
