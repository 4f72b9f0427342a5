// How the server sends the built tab: hashed scripts compressed (brotli, else gzip) and cached for a
// year, the page that names them revalidated on every open, and no source maps.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect } from 'vitest';
import { serverTest } from '../support/fixtures';

const test = serverTest
  .override({ serverOptions: { seed: false } })
  /** The hashed scripts the page names, e.g. `/assets/index-D7DDNsJw.js`. */
  .extend(
    'scriptsOfPage',
    ({ server }) =>
      async function scriptsOfPage(): Promise<string[]> {
        const html = await (await fetch(`${server.baseUrl}/`)).text();
        return [...html.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
      },
  )
  /** The bytes and headers as sent (fetch() would decompress on its own). */
  .extend(
    'raw',
    ({ server }) =>
      function raw(path: string, acceptEncoding: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
        return new Promise((resolve, reject) => {
          get(`${server.baseUrl}${path}`, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
          }).on('error', reject);
        });
      },
  );

describe('the built tab', () => {
  test('sends hashed scripts as brotli to browsers that accept it, cached for a year', async ({ scriptsOfPage, raw }) => {
    const [script] = await scriptsOfPage();
    expect(script).toMatch(/^\/assets\/.+-[\w-]{8}\.js$/);
    const plain = await raw(script!, 'identity');
    const br = await raw(script!, 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
  });

  test('sends gzip to a client without brotli, and the plain file to one that accepts neither', async ({ scriptsOfPage, raw }) => {
    const [script] = await scriptsOfPage();
    const gz = await raw(script!, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await raw(script!, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
  });

  test('has the page revalidated on every open, at / and at a deep link', async ({ server }) => {
    for (const path of ['/', '/index.html', '/plans/demo-pair-alex']) {
      const res = await fetch(`${server.baseUrl}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      // The security headers stay on the page (tests/security/headers.test.ts has them all).
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors/);
    }
  });

  test('answers a hashed file that is not there with 404, not the page', async ({ server }) => {
    const res = await fetch(`${server.baseUrl}/assets/index-00000000.js`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).not.toMatch(/html/);
  });

  test('publishes no source maps', async ({ server, scriptsOfPage }) => {
    const files = readdirSync('dist/tab/assets');
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const [script] = await scriptsOfPage();
    expect((await fetch(`${server.baseUrl}${script}.map`)).status).toBe(404);
  });

  test('does not serve a source map even when one is on disk (a stale or hand-made build)', async ({ server, scriptsOfPage }) => {
    const [script] = await scriptsOfPage();
    const onDisk = `dist/tab${script}.map`;
    writeFileSync(onDisk, JSON.stringify({ version: 3, sources: ['secret.ts'], mappings: '' }));
    try {
      const res = await fetch(`${server.baseUrl}${script}.map`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('secret.ts');
    } finally {
      rmSync(onDisk, { force: true });
    }
  });
});
