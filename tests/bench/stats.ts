import { Agent, get } from 'node:http';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export interface LatencySummary {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function summarize(ms: number[]): LatencySummary {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    samples: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}

/** Runs `fn` `warmup` times unmeasured, then `n` times measured, one at a time. */
export async function measure(n: number, warmup: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

/** A GET over a keep-alive agent that reads the body and checks for 200, with nothing else on top. */
export function leanGet(agent: Agent, url: string, headers: Record<string, string>): () => Promise<void> {
  return () =>
    new Promise<void>((resolve, reject) => {
      get(url, { agent, headers }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`${new URL(url).pathname} answered ${res.statusCode}`));
        res.on('data', () => undefined);
        res.on('end', () => resolve());
      }).on('error', reject);
    });
}

/**
 * An API read against the raw query of the same rows: a lean keep-alive HTTP client (so the figure
 * is the server's cost rather than fetch's), the two interleaved in ten blocks so both see the same
 * machine conditions.
 */
export async function apiAgainstRaw(o: {
  url: string;
  headers: Record<string, string>;
  samples: number;
  warmup: number;
  rawQuery: () => Promise<void>;
}): Promise<{ apiMs: number[]; rawMs: number[] }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const apiLoad = leanGet(agent, o.url, o.headers);
  const apiMs: number[] = [];
  const rawMs: number[] = [];
  const blocks = 10;
  for (let b = 0; b < blocks; b++) {
    rawMs.push(...(await measure(o.samples / blocks, b === 0 ? o.warmup : 3, o.rawQuery)));
    apiMs.push(...(await measure(o.samples / blocks, b === 0 ? o.warmup : 3, apiLoad)));
  }
  agent.destroy();
  return { apiMs, rawMs };
}
