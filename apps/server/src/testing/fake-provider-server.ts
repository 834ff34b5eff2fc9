import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProviderRequest {
  method: string;
  /** Path and query as received. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON, or null. */
  json: Record<string, unknown> | null;
}

export interface ProviderReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): ProviderReply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

/**
 * One local HTTP server that answers the way the real providers do, by path: Slack Web API
 * (`/slack/api/chat.postMessage`) and incoming webhooks (`/slack/hook`), the Telegram Bot API
 * (`/telegram/bot<token>/<method>`), Discord webhooks (`/discord/…`), PagerDuty Events v2
 * (`/pagerduty/v2/enqueue`) and any other path as a generic webhook receiver. `failNext` makes the next
 * requests fail like the provider does (429 with Retry-After, or 5xx).
 */
export class FakeProviderServer {
  readonly requests: ProviderRequest[] = [];
  /** What the Bot API's getUpdates hands out (those at or above the requested offset), like Telegram. */
  readonly telegramUpdates: { update_id: number }[] = [];
  private failures: number[] = [];
  private counter = 0;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakeProviderServer> {
    const ref: { fake?: FakeProviderServer } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let parsed: Record<string, unknown> | null = null;
        try {
          parsed = JSON.parse(body) as Record<string, unknown>;
        } catch {
          parsed = null;
        }
        const request = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body,
          json: parsed,
        };
        const reply = ref.fake?.answer(request) ?? { status: 500 };
        res.writeHead(reply.status, reply.headers ?? {});
        res.end(reply.body ?? '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    ref.fake = new FakeProviderServer(server, `http://127.0.0.1:${port}`);
    return ref.fake;
  }

  /** The next requests answer with these statuses (429 carries `Retry-After: 1`), then normally again. */
  failNext(...statuses: number[]): void {
    this.failures.push(...statuses);
  }

  /** Requests whose path starts with the prefix. */
  to(prefix: string): ProviderRequest[] {
    return this.requests.filter((r) => r.path.startsWith(prefix));
  }

  /** Waits until `count` requests to the prefix arrived (polling; fails after `timeoutMs`). */
  async waitFor(prefix: string, count = 1, timeoutMs = 10_000): Promise<ProviderRequest[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.to(prefix).length < count) {
      if (Date.now() > deadline) {
        throw new Error(`expected ${count} request(s) to ${prefix}, got ${this.to(prefix).length}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return this.to(prefix);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(request: ProviderRequest): ProviderReply {
    this.requests.push(request);
    const failure = this.failures.shift();
    if (failure !== undefined) return this.failure(request, failure);
    this.counter += 1;
    const n = this.counter;
    if (request.path.startsWith('/slack/api/'))
      return json(200, { ok: true, ts: `1700000000.${String(n).padStart(6, '0')}` });
    if (request.path.startsWith('/slack/')) return { status: 200, body: 'ok' };
    if (request.path.startsWith('/telegram/') && request.path.endsWith('/getUpdates')) {
      const offset = Number(request.json?.['offset'] ?? 0);
      return json(200, { ok: true, result: this.telegramUpdates.filter((u) => u.update_id >= offset) });
    }
    if (request.path.startsWith('/telegram/')) {
      return json(200, { ok: true, result: { message_id: n, date: 1_700_000_000, chat: { id: 1 } } });
    }
    if (request.path.startsWith('/discord/')) return json(200, { id: `11${n}`, channel_id: '42' });
    if (request.path.startsWith('/pagerduty/')) {
      return json(202, {
        status: 'success',
        message: 'Event processed',
        dedup_key: request.json?.['dedup_key'],
      });
    }
    return { status: 200, body: 'ok' };
  }

  private failure(request: ProviderRequest, status: number): ProviderReply {
    if (request.path.startsWith('/telegram/')) {
      const body = {
        ok: false,
        error_code: status,
        description: status === 429 ? 'Too Many Requests: retry after 1' : 'Internal Server Error',
      };
      return json(status, status === 429 ? { ...body, parameters: { retry_after: 1 } } : body);
    }
    if (request.path.startsWith('/slack/api/') && status === 429) {
      return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
    }
    return json(
      status,
      { message: status === 429 ? 'You are being rate limited.' : 'Internal Server Error' },
      status === 429 ? { 'retry-after': '1' } : {},
    );
  }
}
