// The built server (what App Service runs: `node dist/server/main.js`, no TypeScript at run time)
// starts in production mode against Table Storage and answers /healthz, on Node 20 (this process's
// Node) and on Node 22 (App Service's runtime, brought by the npm registry's `node` package).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildServer } from '../../scripts/buildServer';
import { newTablePrefix } from '../support/storage';

const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const identity = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
let outdir: string;

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'mentoring-server-'));
  await buildServer(outdir);
}, 120_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** Starts `node main.js` with a production configuration; resolves with its base URL once it listens. */
async function startBuilt(node: string): Promise<{ base: string; version: string; stop: () => void }> {
  const child = spawn(node, [join(outdir, 'main.js')], {
    cwd: outdir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      STORAGE_CONNECTION_STRING: inject('azuriteConnectionString'),
      TABLE_PREFIX: newTablePrefix(),
      PUBLIC_URL: 'https://mentoring.contoso.example',
      BOT_ID: identity,
      BOT_APP_TYPE: 'UserAssignedMSI',
      BOT_TENANT_ID: tenant,
      AAD_CLIENT_ID: '8b2d3c4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e',
      AAD_ALLOWED_TENANTS: tenant,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const base = await new Promise<string>((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
    const timer = setInterval(() => {
      const m = /Health:\s+(http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 50);
  });
  const version = /running \((production)/.exec(out)?.[1] ?? out;
  return { base, version, stop: () => child.kill('SIGTERM') };
}

async function expectHealthy(node: string, major: number): Promise<void> {
  expect(execFileSync(node, ['--version'], { encoding: 'utf8' })).toMatch(new RegExp(`^v${major}\\.`));
  const server = await startBuilt(node);
  try {
    expect(server.version).toBe('production');
    const health = await fetch(`${server.base}/healthz`);
    expect(health.status).toBe(200);
    // The production API wants a Teams SSO token.
    expect((await fetch(`${server.base}/api/me`)).status).toBe(401);
  } finally {
    server.stop();
  }
}

describe('the built server', () => {
  it('is plain JavaScript modules with no TypeScript or tsx left', () => {
    const main = readFileSync(join(outdir, 'main.js'), 'utf8');
    expect(main).not.toMatch(/from ['"]tsx|\.ts['"]/);
    expect(JSON.parse(readFileSync(join(outdir, 'package.json'), 'utf8'))).toEqual({ type: 'module' });
  });

  it('starts in production and answers /healthz on this Node (20 here)', async () => {
    await expectHealthy(process.execPath, Number(process.versions.node.split('.')[0]));
  }, 60_000);

  it('starts in production and answers /healthz on Node 22', async () => {
    // The npm registry's `node` package brings the Node 22 binary (cached after the first run).
    const node22 = execFileSync('npx', ['-y', 'node@22', '-p', 'process.execPath'], { encoding: 'utf8', timeout: 120_000 }).trim();
    await expectHealthy(node22, 22);
  }, 180_000);
});
