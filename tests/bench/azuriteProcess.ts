// For benchmarks, Table Storage runs in its own process, as it does in production (a remote
// service): its CPU work does not share the server's event loop, so the figures show the app's own
// cost on top of storage.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { azuriteConnectionString } from '../../bot/dev/azurite';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export async function startAzuriteProcess(): Promise<{ connectionString: string; close(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      'node_modules/azurite/dist/src/table/main.js',
      '--tableHost',
      '127.0.0.1',
      '--tablePort',
      String(port),
      '--inMemoryPersistence',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--silent',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error('Azurite did not start within 20 s'));
    }, 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (/successfully (started|listens)/.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`Azurite exited with ${code}`)));
  });
  return {
    connectionString: azuriteConnectionString(port),
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
