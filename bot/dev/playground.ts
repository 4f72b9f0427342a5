// `npm run playground`: the app (tsx bot/main.ts) plus Microsoft 365 Agents Playground, a local
// Teams chat emulator, wired to each other. Ctrl+C stops both.
//
// The Playground is told who its users are through a config file generated from the demo data
// (playgroundConfig.ts), so the person chatting is a demo person with their real demo id: the mentee
// Alex, or with `-- --as priya` the mentor of two, who chooses the pair a command acts on. The
// Playground hosts no tabs and no SSO; the welcome card's "Open in the browser" button leads to the
// tab instead.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chattingAs, playgroundConfig, playgroundDemoUsers } from './playgroundConfig';

const require = createRequire(import.meta.url);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const workDir = join(repoRoot, '.data', 'playground');

const APP_PORT = 3978;
const PLAYGROUND_PORT = 56150;
const START_TIMEOUT_MS = 60_000;
function run(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => console.log(`[${name}] ${line}`));
  }
  return child;
}

/** Polls until the URL answers 2xx, the process exits, or the time is up. */
async function waitUntilServing(name: string, url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${name} did not answer at ${url} within ${START_TIMEOUT_MS / 1000} s`);
}

/**
 * Both ports must be free before anything starts: a server already on 3978 would answer the health
 * check in place of ours, and the Playground silently moves to a random port when 56150 is taken.
 */
async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(new Error(`Port ${port} (${what}) is in use. Stop what runs there (another \`npm start\` or playground?) and try again.`)),
    );
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve()));
  });
}

const children: ChildProcess[] = [];
let stopping = false;

/** Stops the children that still run, then exits with `code`. */
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  if (running.length === 0) process.exit(code);
  let left = running.length;
  for (const child of running) {
    child.once('exit', () => --left === 0 && process.exit(code));
    child.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  await assertPortFree(APP_PORT, 'the app');
  await assertPortFree(PLAYGROUND_PORT, 'the Agents Playground');
  mkdirSync(workDir, { recursive: true });
  const configPath = join(workDir, 'm365agentsplayground.yml');
  const as = chattingAs(process.argv.slice(2));
  writeFileSync(configPath, playgroundConfig(as));

  const app = run('app', ['--import', 'tsx', 'bot/main.ts'], {
    PORT: String(APP_PORT),
    APP_MODE: 'development',
    // The Playground sends unsigned activities: the bot must run with authentication off, which
    // only the development identity allows.
    AUTH_MODE: 'development',
    BOT_ID: '',
  });
  children.push(app);
  app.once('exit', (code) => {
    if (!stopping) console.error(`[playground] the app stopped (code ${code}); stopping the Playground`);
    stop(code ?? 1);
  });
  await waitUntilServing('The app', `http://127.0.0.1:${APP_PORT}/healthz`, app);

  const playground = run(
    'agents playground',
    [
      require.resolve('@microsoft/m365agentsplayground/cli.js'),
      '--app-endpoint',
      `http://127.0.0.1:${APP_PORT}/api/messages`,
      '--channel-id',
      'msteams',
      '--port',
      String(PLAYGROUND_PORT),
      '--disable-telemetry',
    ],
    {
      // Without this the Playground tries to open a browser and exits where there is none.
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: join(workDir, 'm365agentsplayground.log'),
    },
  );
  children.push(playground);
  playground.once('exit', (code) => {
    if (!stopping) console.error(`[playground] the Agents Playground stopped (code ${code}); stopping the app`);
    stop(code ?? 1);
  });
  await waitUntilServing('The Agents Playground', `http://127.0.0.1:${PLAYGROUND_PORT}/`, playground);

  console.log(
    [
      '',
      `  Agents Playground: http://localhost:${PLAYGROUND_PORT}  (you are ${playgroundDemoUsers[as].name}; npm run playground -- --as priya chats as someone else)`,
      `  Bot endpoint:      http://127.0.0.1:${APP_PORT}/api/messages`,
      `  Tab:               http://localhost:${APP_PORT}/`,
      '  Ctrl+C stops both.',
      '',
    ].join('\n'),
  );
}

main().catch((e: unknown) => {
  console.error(`[playground] ${e instanceof Error ? e.message : String(e)}`);
  stop(1);
});
