import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { strings } from '../strings';

export type Resource<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: T; error: ApiError }
  | { status: 'ready'; data: T; error?: undefined };

export interface ResourceHandle<T> {
  state: Resource<T>;
  /** Loads again; the current data stays on screen until the new answer arrives. */
  reload: () => Promise<void>;
}

const asApiError = (e: unknown): ApiError => (e instanceof ApiError ? e : new ApiError(0, 'client_error', strings.errors.unexpected(0)));

/**
 * Loads `load()` when `key` changes and on `reload()`. An answer to an older request is dropped,
 * so switching pairs quickly never shows the previous pair's plan.
 */
export function useResource<T>(key: string | undefined, load: () => Promise<T>): ResourceHandle<T> {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(async (keepData: boolean) => {
    const mine = ++generation.current;
    if (!keepData) setState({ status: 'loading' });
    try {
      const data = await loadRef.current();
      if (mine === generation.current) setState({ status: 'ready', data });
    } catch (e) {
      if (mine === generation.current) setState((s) => ({ status: 'error', data: s.data, error: asApiError(e) }));
    }
  }, []);

  useEffect(() => {
    if (key === undefined) return;
    void run(false);
  }, [key, run]);

  const reload = useCallback(() => run(true), [run]);
  return { state, reload };
}
