// What one route of the API is: its method and path, the schemas its input must pass, whether it
// needs If-Match, its success status and (as a type only) what it answers. The server registers
// its routes from these entries and the tab derives its calls from them, so they cannot drift.
import type { z, ZodTypeAny } from 'zod';
import { pathFor } from '../api';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

declare const answerType: unique symbol;

/** The success body's type, carried by the route's type alone; at run time it is an empty object. */
export interface Answers<T> {
  readonly [answerType]: T;
}

export const answers = <T>(): Answers<T> => ({}) as Answers<T>;

export interface RouteSpec {
  readonly method: HttpMethod;
  /** An Express path template from `paths`: `/api/pairs/:pairId/goals`. */
  readonly path: string;
  readonly params: ZodTypeAny;
  readonly body?: ZodTypeAny;
  readonly query?: ZodTypeAny;
  /** Updates and deletes must present the ETag they read; without it the API answers 428. */
  readonly ifMatch?: boolean;
  /** Status for success; 204 sends no body. 200 when absent. */
  readonly status?: 200 | 201 | 204;
  /** Served as a file download with this name (Content-Disposition: attachment). */
  readonly download?: string;
  /** Answered as text of this media type (the handler's value is the text), not as JSON. */
  readonly text?: 'text/csv';
  /** Served without a signed-in caller (the development sign-in list); the tab sends no identity. */
  readonly anonymous?: boolean;
  readonly response: Answers<unknown>;
}

/** What a handler receives: each part already parsed by the route's schema. */
export type ParamsOf<R extends RouteSpec> = z.output<R['params']>;
export type BodyOf<R extends RouteSpec> = R extends { body: infer B extends ZodTypeAny } ? z.output<B> : undefined;
export type QueryOf<R extends RouteSpec> = R extends { query: infer Q extends ZodTypeAny } ? z.output<Q> : undefined;
export type ResponseOf<R extends RouteSpec> = R['response'] extends Answers<infer T> ? T : never;

/** What a caller sends: the schemas' input types (defaults may be left out), and the ETag where required. */
export type CallInput<R extends RouteSpec> = (keyof z.input<R['params']> extends never ? unknown : { params: z.input<R['params']> }) &
  (R extends { body: infer B extends ZodTypeAny } ? { body: z.input<B> } : unknown) &
  (R extends { query: infer Q extends ZodTypeAny } ? { query: z.input<Q> } : unknown) &
  (R extends { ifMatch: true } ? { etag: string } : unknown);

/** The URL of a call: the path filled with its (encoded) parameters, then the query string. */
export function urlFor(route: RouteSpec, params: Record<string, string> = {}, query: Record<string, unknown> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, String(value));
  const qs = search.toString();
  return pathFor(route.path, params) + (qs ? `?${qs}` : '');
}
