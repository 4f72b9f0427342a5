// What the fuzz suite sends: bodies derived from a valid sample and the keys of a zod schema, mutated
// the ways a careless or hostile client would (one field of the wrong type, a missing or extra key,
// huge and unusual unicode strings, prototype-pollution keys, nested arrays, a body of the wrong
// shape altogether), and a fixed set of hostile headers that still carry a valid identity. The seed
// is fixed so a failure reproduces: FUZZ_SEED overrides it.
import fc from 'fast-check';
import type { ZodTypeAny } from 'zod';
import { demoPairIds } from '../../bot/dev/demoData';
import { serverTest } from '../support/fixtures';

/** The server every fuzz file runs against: writes are not rate limited, so every run is judged by its answer. */
export const fuzzTest = serverTest.override('serverOptions', { env: { RATE_LIMIT_WRITES_PER_MINUTE: '10000' } });

/** The demo pair the runs work on, and the slot of its answered check-in (mentor comments name it). */
export const fuzzPairId = demoPairIds.alex;
export const answeredSlot = '2026-02-02';
/** An answer with nothing in it but the confidence. */
export const emptyCheckInAnswer = { goals: [], confidence: 3, wins: '', blockers: '', nextSteps: '', needHelpWith: '' };

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261201);

/** How many requests each fuzz file sends; FUZZ_RUNS overrides it for a longer local run. */
export const fuzzRuns = (fallback: number) => Number(process.env.FUZZ_RUNS ?? fallback);

/** The keys of the object a schema describes, through refinements, defaults, optionals and nullables. */
export function keysOf(schema: ZodTypeAny | undefined): string[] {
  let s: any = schema;
  for (let i = 0; s && i < 10; i++) {
    if (typeof s.shape === 'object' && s.shape) return Object.keys(s.shape);
    s = s._def?.schema ?? s._def?.innerType ?? s._def?.in;
  }
  return [];
}

/** A key that is not one of the object's, prototype-pollution names included. */
const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'id', 'etag', 'partitionKey', 'rowKey', 'odata.etag'),
  fc.string({ minLength: 1, maxLength: 20 }),
);

/** A string that is long, or odd: control and zero-width characters, astral and combining, lone surrogates. */
const oddString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uFEFF\u200B\u202E',
    '\uD800',
    '\uDC00abc',
    'e\u0301'.repeat(500),
    '👩‍👩‍👧‍👦'.repeat(300),
    "' or 1 eq 1",
    "PartitionKey eq 'x'",
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '${7*7}{{7*7}}',
    '2026-02-30',
    '9999-12-31',
    'NaN',
    '-0',
  ),
  fc.integer({ min: 1_000, max: 120_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 100, max: 20_000 }).map((n) => '\u{1F600}'.repeat(n)),
);

const nestedArray: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 2, max: 2_000 }).map((depth) => {
    let v: unknown = [];
    for (let i = 0; i < depth; i++) v = [v];
    return v;
  }),
  fc.array(fc.array(fc.anything(), { maxLength: 5 }), { maxLength: 5 }),
  fc.integer({ min: 1_000, max: 50_000 }).map((n) => Array.from({ length: n }, () => 1)),
);

/** A value of any type, often the wrong one. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  oddString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 0.5, Number.MAX_SAFE_INTEGER + 2, {}, [], { $ne: null }),
  fc.double(),
  nestedArray,
  fc.dictionary(extraKey, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Sets a key as the object's own, enumerable property, so `__proto__` is sent as a key in the JSON. */
function withKey(body: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...body };
  Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
  return out;
}

export type Mutation =
  | { kind: 'valid' }
  | { kind: 'field'; key: string; value: unknown }
  | { kind: 'missing'; key: string }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'random'; values: Record<string, unknown> }
  | { kind: 'whole'; body: unknown }
  | { kind: 'text'; text: string };

/** Mutations of a body with the given keys (the schema's keys and the valid sample's). */
export function mutation(keys: readonly string[]): fc.Arbitrary<Mutation> {
  const known = keys.length ? fc.constantFrom(...keys) : fc.constant('title');
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'valid' }) },
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('field' as const), key: known, value: hostileValue }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('missing' as const), key: known }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('extra' as const),
        key: extraKey,
        value: fc.oneof(hostileValue, fc.constant({ isAdmin: true, polluted: 'yes' })),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('random' as const),
        values: fc.dictionary(known, hostileValue, { maxKeys: keys.length || 1 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('whole' as const),
        body: fc.oneof(nestedArray, oddString, fc.constantFrom(null, 0, true, [], '[]', 'null'), fc.jsonValue({ maxDepth: 3 })),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('text' as const),
        text: fc.constantFrom(
          '{',
          '{"title":',
          '{"a":1}}',
          '\u0000',
          'undefined',
          '{"__proto__":{"isAdmin":true}}',
          '{"title":"a","title":1}',
        ),
      }),
    },
  );
}

/** The request body a mutation makes of a valid sample: JSON text. */
export function mutatedBody(sample: Record<string, unknown> | undefined, m: Mutation): string {
  const base = sample ?? {};
  switch (m.kind) {
    case 'valid':
      return JSON.stringify(base);
    case 'field':
      return JSON.stringify(withKey(base, m.key, m.value));
    case 'missing': {
      const { [m.key]: _, ...rest } = base;
      return JSON.stringify(rest);
    }
    case 'extra':
      return JSON.stringify(withKey(base, m.key, m.value));
    case 'random':
      return JSON.stringify(Object.entries(m.values).reduce((o, [k, v]) => withKey(o, k, v), {} as Record<string, unknown>));
    case 'whole':
      return JSON.stringify(m.body) ?? 'null';
    case 'text':
      return m.text;
  }
}

/** The same mutation applied to an object (a card's data, an invoke's value), for activities sent as JSON. */
export function mutatedObject(sample: Record<string, unknown>, m: Mutation): unknown {
  const text = mutatedBody(sample, m);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Headers a client may send along with a valid identity: odd Accept values, very long values,
 * unusual but harmless headers. Not If-Match, charset or Content-Encoding variants: those have tests of their own.
 */
export const hostileHeaders: readonly Record<string, string>[] = [
  {},
  { Accept: 'application/xml' },
  { Accept: 'text/html;q=0.1, */*;q=0' },
  { Accept: 'application/json;v=' + '9'.repeat(200) },
  { Accept: 'x'.repeat(7_000) },
  { 'Accept-Language': 'zz-ZZ-x-' + 'a'.repeat(2_000) },
  { 'User-Agent': 'fuzz/' + 'A'.repeat(7_000) },
  { 'X-Forwarded-For': Array.from({ length: 300 }, (_, i) => `10.0.${i % 256}.1`).join(', ') },
  { 'X-Request-Id': 'r'.repeat(4_000) },
  { Cookie: 'a=' + 'b'.repeat(5_000) },
  { Referer: 'javascript:alert(1)' },
  { Origin: 'null' },
];

/** The figures a fuzz file prints at its end. */
export interface FuzzFigures {
  sent: number;
  /** Requests that must have written nothing, whose snapshots were compared. */
  refusedChecked: number;
  byStatus: Record<number, number>;
  serverErrors: string[];
  partialWrites: string[];
}

export const newFigures = (): FuzzFigures => ({ sent: 0, refusedChecked: 0, byStatus: {}, serverErrors: [], partialWrites: [] });

export function printFigures(what: string, f: FuzzFigures): void {
  const statuses = Object.entries(f.byStatus)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  console.log(
    `[fuzz] ${what}: seed ${FUZZ_SEED}, ${f.sent} sent, ${f.serverErrors.length} 5xx, ${f.partialWrites.length} partial writes in ${f.refusedChecked} refused or read-only (${statuses})`,
  );
}

/** A short description of a request for a failure message: enough to reproduce it with the seed. */
export const describeBody = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text);

/**
 * Storage snapshots (tests/support/storageSnapshot.ts) taken once between requests: the snapshot after
 * one request is the one before the next, unless the test wrote something in between (`invalidate`).
 */
export function snapshotsOf(take: () => Promise<string>) {
  let last: string | undefined;
  return {
    before: async () => (last ??= await take()),
    after: async () => (last = await take()),
    invalidate: () => {
      last = undefined;
    },
  };
}
