// The built server (what App Service runs: `node dist/server/main.js`, no TypeScript at run time)
// starts in production mode against Table Storage and answers /healthz, on Node 20 (this process's
// Node) and on Node 22 (App Service's runtime, brought by the npm registry's `node` package).
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
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
async function startBuilt(
  node: string,
  extraEnv: Record<string, string> = {},
): Promise<{ base: string; version: string; stop: () => void }> {
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
      ...extraEnv,
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

describe('telemetry from the built server', () => {
  /** A stand-in for Application Insights' ingestion endpoint (the exporter speaks https only). */
  async function fakeIngestion() {
    const dir = mkdtempSync(join(tmpdir(), 'mentoring-ingest-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const items: { name: string; tags?: Record<string, string>; data: { baseData: Record<string, unknown> } }[] = [];
    let raw = '';
    const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body = Buffer.concat(chunks);
        if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
        raw += body.toString();
        items.push(...(JSON.parse(body.toString()) as typeof items));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ itemsReceived: 1, itemsAccepted: 1, errors: [] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    return {
      connectionString: `InstrumentationKey=00000000-0000-4000-8000-000000000001;IngestionEndpoint=https://127.0.0.1:${port}/`,
      items,
      raw: () => raw,
      close: () => {
        server.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  it('sends requests, dependencies and log lines to Application Insights, without query strings or names', async () => {
    const ingestion = await fakeIngestion();
    const server = await startBuilt(process.execPath, {
      APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString,
      // The fake endpoint's certificate is self-signed; only this child process trusts it.
      NODE_TLS_REJECT_UNAUTHORIZED: '0',
      OTEL_BSP_SCHEDULE_DELAY: '200',
      OTEL_BLRP_SCHEDULE_DELAY: '200',
      LOG_LEVEL: 'info',
    });
    try {
      expect((await fetch(`${server.base}/api/me?name=Priya%20Patel&note=secret-plan-text`)).status).toBe(401);
      const request = () =>
        ingestion.items.find((i) => i.name.endsWith('.Request') && String(i.data.baseData.url ?? '').includes('/api/me'));
      const logLine = () => ingestion.items.find((i) => i.name.endsWith('.Message') && i.data.baseData.message === 'request');
      // The exporter batches; on a busy machine its first export can take a while.
      for (let i = 0; i < 100 && !(request() && logLine()); i++) await new Promise((r) => setTimeout(r, 100));
      console.log(
        'DEBUG',
        JSON.stringify(ingestion.items.map((i) => [i.name, i.data.baseData.url ?? i.data.baseData.message ?? i.data.baseData.name])).slice(
          0,
          3000,
        ),
      );
      expect(request()?.data.baseData).toMatchObject({ responseCode: '401', url: expect.stringMatching(/\/api\/me$/) });
      expect(ingestion.items.some((i) => i.name.endsWith('.RemoteDependency'))).toBe(true);
      expect(logLine()?.data.baseData).toMatchObject({ properties: { path: '/api/me', status: '401' } });
      expect(ingestion.raw()).not.toMatch(/Priya|secret-plan-text/);
      // No request telemetry for health probes.
      expect(ingestion.items.some((i) => String(i.data.baseData.url ?? '').includes('/healthz'))).toBe(false);
    } finally {
      server.stop();
      ingestion.close();
    }
  }, 150_000);
});
