import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake answers the next request: normally, or like the provider does when things go wrong. */
export type FakeMode = 'ok' | 'rate_limited' | 'server_error' | 'bad_request' | 'hang';

export interface RecordedRequest {
  method: string;
  /** Path and query, as received. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** The provider's wire format for each mode except `hang`, which the server handles itself. */
export type ReplyFor = (mode: Exclude<FakeMode, 'hang'>, request: RecordedRequest) => FakeReply;

/**
 * A local HTTP server on port 0 that stands in for a provider (Slack, Telegram, Discord, PagerDuty, a
 * webhook receiver): it records every request and answers in that provider's real format.
 */
export class FakeProviderServer {
  readonly requests: RecordedRequest[] = [];
  private modes: FakeMode[] = [];

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(replyFor: ReplyFor): Promise<FakeProviderServer> {
    // The server's handler needs the instance, which needs the listening server: a ref breaks the cycle.
    const ref: { fake?: FakeProviderServer } = {};
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request = {
          method: req.method ?? '',
          path: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        ref.fake?.requests.push(request);
        const mode = ref.fake?.modes.shift() ?? 'ok';
        if (mode === 'hang') return;
        const reply = replyFor(mode, request);
        res.writeHead(reply.status, reply.headers ?? {});
        res.end(reply.body ?? '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeProviderServer(server, `http://127.0.0.1:${port}`);
    ref.fake = fake;
    return fake;
  }

  /** Answers the next request in this mode (then back to `ok`). */
  setNextMode(mode: FakeMode): void {
    this.modes.push(mode);
  }

  deliveries(): RecordedRequest[] {
    return [...this.requests];
  }

  reset(): void {
    this.requests.length = 0;
    this.modes = [];
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): FakeReply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});
