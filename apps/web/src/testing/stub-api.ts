import { vi } from 'vitest';

export interface StubResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type StubRoute = (url: URL, init: RequestInit | undefined) => StubResponse;

/**
 * Replaces fetch for component tests: requests are matched on `METHOD /path` (the query string is left
 * to the handler); unmatched requests answer 404 like a server without the endpoint. Returns the calls.
 */
export function stubApi(routes: Record<string, StubRoute>) {
  const calls: { method: string; url: URL; body: unknown; headers: Headers }[] = [];
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    const method = init?.method ?? 'GET';
    calls.push({
      method,
      url,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: new Headers(init?.headers),
    });
    const route = routes[`${method} ${url.pathname}`];
    const response = route ? route(url, init) : { status: 404, body: { detail: 'Not found' } };
    return new Response(response.body === undefined ? null : JSON.stringify(response.body), {
      status: response.status ?? 200,
      headers: { 'Content-Type': 'application/json', ...response.headers },
    });
  });
  return calls;
}
