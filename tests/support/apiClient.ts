// A thin HTTP client for API tests: real requests, as the tab sends them.
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export function apiAs(baseUrl: string, userId?: string) {
  async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(userId ? { 'X-Dev-User': userId } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('POST', path, body, headers),
    put: <T = any>(path: string, body: unknown, etag: string) => call<T>('PUT', path, body, { 'If-Match': etag }),
    patch: <T = any>(path: string, body: unknown, etag?: string) => call<T>('PATCH', path, body, etag ? { 'If-Match': etag } : {}),
    delete: <T = any>(path: string, etag?: string) => call<T>('DELETE', path, undefined, etag ? { 'If-Match': etag } : {}),
  };
}
