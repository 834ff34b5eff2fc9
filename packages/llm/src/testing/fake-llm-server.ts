import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { anthropicErrorBody, anthropicMessagesResponse } from './anthropic-messages-wire.ts';
import type { FakeLlmReply } from './fake-llm-reply.ts';
import { openAiChatResponse, openAiErrorBody } from './openai-chat-wire.ts';
import type { WireResponse } from './wire-response.ts';

export type FakeWireFormat = 'openai-chat' | 'anthropic-messages';

/** A request as the fake received it, for assertions on what really left the client. */
export interface RecordedLlmRequest {
  format: FakeWireFormat | null;
  method: string;
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The parsed JSON body (the raw text when it was not JSON). */
  body: Record<string, unknown>;
  rawBody: string;
}

const ROUTES: Record<string, FakeWireFormat> = {
  '/v1/chat/completions': 'openai-chat',
  '/v1/messages': 'anthropic-messages',
};

/**
 * A local stand-in for LLM vendors that speaks their real wire formats, so the real SDK code runs in tests:
 * OpenAI Chat Completions (also what Ollama, vLLM and llama.cpp serve) and Anthropic Messages. It replays
 * a script of replies in order, one per request, and records every request. Point a client at `baseUrl`.
 */
export class FakeLlmServer {
  readonly requests: RecordedLlmRequest[] = [];
  private readonly queue: FakeLlmReply[] = [];

  private readonly server: Server;
  private address = '';

  private constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  /** Listens on a free port of 127.0.0.1. */
  static async start(): Promise<FakeLlmServer> {
    const fake = new FakeLlmServer();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.address = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  /** `http://127.0.0.1:<port>/v1`: the base URL the SDKs (and Ollama-style configs) expect. */
  get baseUrl(): string {
    return `${this.address}/v1`;
  }

  /** Appends replies to the script. */
  script(...replies: FakeLlmReply[]): this {
    this.queue.push(...replies);
    return this;
  }

  /** Replies not yet consumed. */
  get remaining(): number {
    return this.queue.length;
  }

  /** Every request body as one string, to assert that something never reached the vendor. */
  receivedText(): string {
    return this.requests.map((r) => `${JSON.stringify(r.headers)}\n${r.rawBody}`).join('\n');
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawBody = await readBody(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const format = req.method === 'POST' ? (ROUTES[path] ?? null) : null;
    const body = parseBody(rawBody);
    this.requests.push({ format, method: req.method ?? '', path, headers: flatHeaders(req), body, rawBody });
    if (format === null) return send(res, { status: 404, body: { error: { message: `no route ${path}` } } });
    if (body.stream === true)
      return send(res, errorResponse(format, 400, 'the fake LLM server does not stream'));
    const reply = this.queue.shift();
    if (!reply) return send(res, errorResponse(format, 500, 'fake LLM server: the script is empty'));
    if (reply.kind === 'hang') return;
    if (reply.delayMs && !(await stillOpenAfter(res, reply.delayMs))) return;
    send(res, wireResponse(format, reply, body));
  }
}

function wireResponse(
  format: FakeWireFormat,
  reply: Exclude<FakeLlmReply, { kind: 'hang' }>,
  body: Record<string, unknown>,
): WireResponse {
  if (reply.kind === 'error') {
    const response = errorResponse(format, reply.status, reply.message ?? `scripted ${reply.status}`);
    return { ...response, headers: reply.headers ?? {} };
  }
  return format === 'openai-chat' ? openAiChatResponse(reply, body) : anthropicMessagesResponse(reply, body);
}

function errorResponse(format: FakeWireFormat, status: number, message: string): WireResponse {
  const body =
    format === 'openai-chat' ? openAiErrorBody(status, message) : anthropicErrorBody(status, message);
  return { status, body };
}

function send(res: ServerResponse, response: WireResponse): void {
  res.writeHead(response.status, { 'content-type': 'application/json', ...response.headers });
  res.end(JSON.stringify(response.body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(raw: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : { raw };
  } catch {
    return { raw };
  }
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(req.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : (value ?? ''),
    ]),
  );
}

/** False when the client gave up (timed out) while the reply was delayed. */
function stillOpenAfter(res: ServerResponse, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}
