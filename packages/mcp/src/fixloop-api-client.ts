/** What a Web API call answered when it was not a success. */
export class FixloopApiError extends Error {
  override readonly name = 'FixloopApiError';
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(`Fixloop API ${status}: ${detail}`);
  }
}

export interface FixloopApiClientOptions {
  /** Where Fixloop serves its Web API, e.g. `http://localhost:8000`. */
  baseUrl: string;
  /** An API token; the tools can do exactly what its scopes allow. */
  token: string;
  fetch?: typeof fetch;
}

/**
 * The MCP tools talk to Fixloop only through its public Web API, so an IDE agent can never do more than
 * the token it was given, and the same tools work in-process (HTTP transport) and from the CLI (stdio).
 */
export class FixloopApiClient {
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: FixloopApiClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  get<T>(path: string, query: Record<string, string | undefined> = {}): Promise<T> {
    return this.request<T>('GET', path, query);
  }

  post<T>(path: string, body: unknown, query: Record<string, string | undefined> = {}): Promise<T> {
    return this.request<T>('POST', path, query, body);
  }

  private async request<T>(
    method: string,
    path: string,
    query: Record<string, string | undefined>,
    body?: unknown,
  ): Promise<T> {
    const url = new URL(path, this.options.baseUrl);
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(key, value);
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.fetchImpl(url, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const parsed = text.length === 0 ? null : (JSON.parse(text) as unknown);
    if (!response.ok) {
      const detail = (parsed as { detail?: unknown } | null)?.detail;
      throw new FixloopApiError(response.status, typeof detail === 'string' ? detail : response.statusText);
    }
    return parsed as T;
  }
}
