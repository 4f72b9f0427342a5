// Expected failures are values: use cases and repositories return a Result instead of throwing.
// Exceptions are reserved for bugs and for infrastructure that is down (mapped to 503 once).

export type ErrorCode =
  | 'invalid' // the input broke a rule; nothing was written
  | 'not_found'
  | 'conflict' // an ETag did not match: someone else changed it first
  | 'forbidden'
  | 'unauthenticated'
  | 'too_large' // more text than Table Storage can hold
  | 'rate_limited'
  | 'unavailable'; // storage or a dependency did not answer; safe to retry

export interface FieldIssue {
  /** Dotted path of the field, e.g. `target` or `workingHours.start`. Empty for the whole body. */
  path: string;
  message: string;
}

export interface Failure {
  code: ErrorCode;
  /** A sentence a person can act on. Never an internal message or stack. */
  message: string;
  issues?: FieldIssue[];
  /** For `conflict`: the version that is stored now, so the client can show it and retry. */
  current?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(code: ErrorCode, message: string, extra: Omit<Failure, 'code' | 'message'> = {}): Result<T> => ({
  ok: false,
  error: { code, message, ...extra },
});

/** A stored value and the opaque version (Table Storage ETag) that an update must present. */
export interface Versioned<T> {
  value: T;
  etag: string;
}
