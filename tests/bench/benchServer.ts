// The server in a process of its own, for figures that must be the server's alone (resident
// memory) or that a browser loads over a real socket: the real app, demo data seeded, listening on
// a free loopback port. Started by serverProcess.ts; answers `rss` messages over IPC.
import type { Server } from 'node:http';
import { parseConfig } from '../../bot/config';
import { seedDemo } from '../../bot/dev/seedDemo';
import { createApp } from '../../bot/server';

export interface BenchServerReady {
  port: number;
}

export interface BenchServerMemory {
  rss: number;
  heapUsed: number;
  /** Memory of C++ objects bound to JavaScript, Buffers included. */
  external: number;
}

async function main(): Promise<void> {
  // The access log stays on (to stdout, which the parent discards), as in production.
  const config = parseConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' });
  const connectionString = config.storage.kind === 'connection' ? config.storage.connectionString : '';
  const { app, repositories } = await createApp(config, { connectionString, tablePrefix: config.tablePrefix });
  await seedDemo(repositories, new Date());
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  process.on('message', (message) => {
    if (message !== 'rss') return;
    // A full collection first, so the figure is what the server holds, not garbage not yet swept.
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed, external } = process.memoryUsage();
    process.send?.({ rss, heapUsed, external } satisfies BenchServerMemory);
  });
  process.on('disconnect', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
  process.send?.({ port: (server.address() as { port: number }).port } satisfies BenchServerReady);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
