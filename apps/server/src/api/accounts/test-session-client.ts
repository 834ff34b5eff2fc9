import type { ApiResponse } from '../../testing/test-api-client.ts';

/**
 * A browser stand-in for session tests: logs in with fetch, keeps the session cookie from
 * Set-Cookie, and sends X-CSRF-Token on mutating requests unless told not to.
 */
export class TestSessionClient {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(private readonly baseUrl: string) {}

  static async login(baseUrl: string, email: string, password: string): Promise<TestSessionClient> {
    const client = new TestSessionClient(baseUrl);
    const response = await client.request('POST', '/api/0/auth/login/', { email, password });
    if (response.status !== 200)
      throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
    return client;
  }

  get<T = unknown>(path: string): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (this.cookie !== null) headers['cookie'] = this.cookie;
    if (method !== 'GET' && options.csrf !== false && this.csrfToken !== null) {
      headers['x-csrf-token'] = this.csrfToken;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie !== null) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = /Max-Age=0(;|$)/.test(setCookie) ? null : pair;
    }
    const text = await response.text();
    const parsed = text.length === 0 ? null : (JSON.parse(text) as unknown);
    const csrf = (parsed as { csrfToken?: unknown } | null)?.csrfToken;
    if (typeof csrf === 'string') this.csrfToken = csrf;
    return { status: response.status, headers: response.headers, body: parsed as T };
  }
}
