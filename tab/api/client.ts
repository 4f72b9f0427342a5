// The one place the tab speaks HTTP. Identity comes from a pluggable auth header provider (the
// development identity locally, a Teams SSO token inside Teams), so switching is a one-file change.
import { IF_MATCH, type ErrorBody, type Versioned } from '../../shared/api';
import { strings } from '../strings';

/** Headers that say who is calling: `X-Dev-User` in development, `Authorization` in Teams. */
export type AuthHeaderProvider = () => Promise<Record<string, string>>;

export interface FieldIssue {
  path: string;
  message: string;
}

/** A failed API call. `code` is the server's stable error code, or `network`/`bad_response`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    /** For `conflict`: the version stored now. */
    readonly current?: Versioned<unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isConflict(): boolean {
    return this.code === 'conflict' || this.status === 409;
  }
}

export interface RequestOptions {
  body?: unknown;
  /** Send `body`, a string, as this media type instead of JSON (a CSV file as it was chosen). */
  contentType?: 'text/csv';
  etag?: string;
  /** Send no identity: for the development sign-in list. */
  anonymous?: boolean;
}

export interface ApiClient {
  request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, options?: RequestOptions): Promise<T>;
}

const isErrorBody = (x: unknown): x is ErrorBody =>
  typeof x === 'object' && x !== null && 'error' in x && typeof (x as ErrorBody).error?.code === 'string';

const isVersioned = (x: unknown): x is Versioned<unknown> =>
  typeof x === 'object' && x !== null && 'value' in x && typeof (x as Versioned<unknown>).etag === 'string';

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  // A download the route table declares as text (a CSV) arrives as its text.
  if (response.ok && type.includes('text/csv')) return response.text();
  // A static-file fallback can answer an unknown /api path with HTML; that is not an answer.
  if (!type.includes('application/json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

export function createApiClient(auth: AuthHeaderProvider, baseUrl = ''): ApiClient {
  return {
    async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (!options.anonymous) Object.assign(headers, await auth());
      if (options.body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
      if (options.etag !== undefined) headers[IF_MATCH] = options.etag;
      let response: Response;
      try {
        response = await fetch(baseUrl + path, {
          method,
          headers,
          body: options.body === undefined ? undefined : options.contentType ? String(options.body) : JSON.stringify(options.body),
        });
      } catch {
        throw new ApiError(0, 'network', strings.errors.network);
      }
      if (response.status === 204) return undefined as T;
      const body = await readJson(response);
      if (response.ok) {
        if (body === undefined) throw new ApiError(response.status, 'bad_response', strings.errors.badResponse);
        return body as T;
      }
      if (isErrorBody(body)) {
        const { code, message, issues, current } = body.error;
        throw new ApiError(response.status, code, message, issues ?? [], isVersioned(current) ? current : undefined);
      }
      throw new ApiError(response.status, response.status === 404 ? 'not_found' : 'http_error', strings.errors.unexpected(response.status));
    },
  };
}
