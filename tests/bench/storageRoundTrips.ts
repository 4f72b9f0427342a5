// Counts the storage round trips a piece of work makes: a small HTTP proxy between the server and
// Table Storage records when each request starts and ends. Requests in flight together (reads
// issued in parallel, whose times overlap) make one sequential round trip; a request that starts
// after the previous ones ended makes the next. Nothing in the app knows it is being counted.
import { request as httpRequest, createServer, type Server } from 'node:http';

export interface RoundTripCount {
  /** Every request the work sent to storage. */
  requests: number;
  /** Waves of requests that waited on each other: what latency pays for. */
  sequential: number;
  /** `METHOD path` of each request, in the order they started (for reading, not asserting). */
  calls: string[];
}

export interface CountingProxy {
  /** The connection string to give the server instead of the real one. */
  connectionString: string;
  /** Counts the storage traffic of `work` alone (run nothing else meanwhile). */
  count(work: () => Promise<unknown>): Promise<RoundTripCount>;
  close(): Promise<void>;
}

interface Span {
  start: number;
  end: number;
  call: string;
}

/** Overlapping spans are one wave; a span starting after every earlier one ended opens the next. */
export function sequentialWaves(spans: readonly Pick<Span, 'start' | 'end'>[]): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let waves = 0;
  let waveEnd = -Infinity;
  for (const s of sorted) {
    if (s.start >= waveEnd) waves += 1;
    waveEnd = Math.max(waveEnd, s.end);
  }
  return waves;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const endpoint = /TableEndpoint=(http:\/\/[^;]+)/.exec(target)?.[1];
  if (!endpoint) throw new Error('The storage connection string has no TableEndpoint');
  const upstream = new URL(endpoint);
  let recording: Span[] | undefined;

  const server: Server = createServer((req, res) => {
    const span: Span = {
      start: performance.now(),
      end: Infinity,
      call: `${req.method} ${decodeURIComponent((req.url ?? '').split('?')[0] ?? '')}`,
    };
    recording?.push(span);
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', () => (span.end = performance.now()));
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const proxied = `http://127.0.0.1:${port}${upstream.pathname}`;

  return {
    connectionString: target.replace(endpoint, proxied),
    async count(work) {
      const spans: Span[] = [];
      recording = spans;
      try {
        await work();
      } finally {
        recording = undefined;
      }
      return { requests: spans.length, sequential: sequentialWaves(spans), calls: spans.map((s) => s.call) };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
