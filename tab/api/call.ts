// Typed calls derived from the route table: `call(api, routes.updateGoal, { params, body, etag })`.
// The input's shape and the answer's type come from the route, so a call cannot send what the API
// refuses to parse or expect what it does not answer.
import type { CallInput, ResponseOf, RouteSpec } from '../../shared/api/route';
import { urlFor } from '../../shared/api/route';
import type { ApiClient } from './client';

/** The input may be left out when the route takes none (no parameters, body, query or ETag). */
type CallArgs<R extends RouteSpec> = object extends CallInput<R> ? [input?: CallInput<R>] : [input: CallInput<R>];

interface AnyInput {
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, unknown>;
  etag?: string;
}

export function call<R extends RouteSpec>(api: ApiClient, route: R, ...[input]: CallArgs<R>): Promise<ResponseOf<R>> {
  const { params, body, query, etag } = (input ?? {}) as AnyInput;
  return api.request<ResponseOf<R>>(route.method, urlFor(route, params, query), { body, etag, anonymous: route.anonymous });
}
