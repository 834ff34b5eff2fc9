/** Token counts the fake reports; tests that check cost set them, others get `FAKE_DEFAULT_USAGE`. */
export interface FakeUsage {
  promptTokens: number;
  completionTokens: number;
}

export const FAKE_DEFAULT_USAGE: FakeUsage = { promptTokens: 100, completionTokens: 20 };

interface ReplyTiming {
  /** Wait this long before answering (the client may time out first). */
  delayMs?: number;
}

/** One scripted answer. The fake replays them in order, one per request, whatever the wire format. */
export type FakeLlmReply =
  /** Plain assistant text (also how to send malformed "JSON": any text). */
  | ({ kind: 'text'; text: string; usage?: FakeUsage } & ReplyTiming)
  /**
   * A structured answer, delivered the way the request asked for it: a forced tool call (Anthropic's
   * `json` tool, an OpenAI forced function) gets a tool call with this value as its input, anything else
   * (OpenAI `response_format`, Anthropic `output_config.format`) gets the JSON as the message text.
   */
  | ({ kind: 'json'; value: unknown; usage?: FakeUsage } & ReplyTiming)
  /** An explicit tool call, for callers that use tools themselves. */
  | ({ kind: 'tool_call'; name: string; input: unknown; usage?: FakeUsage } & ReplyTiming)
  /** An HTTP error in the vendor's error body format (429 and 5xx are what clients retry). */
  | ({ kind: 'error'; status: number; message?: string; headers?: Record<string, string> } & ReplyTiming)
  /** Never answers: the client's timeout is what ends the request. */
  | { kind: 'hang' };

type Options = ReplyTiming & { usage?: FakeUsage };

/** Builders for scripts: `server.script(fakeReply.error(500), fakeReply.json({ ok: true }))`. */
export const fakeReply = {
  text: (text: string, options: Options = {}): FakeLlmReply => ({ kind: 'text', text, ...options }),
  json: (value: unknown, options: Options = {}): FakeLlmReply => ({ kind: 'json', value, ...options }),
  toolCall: (name: string, input: unknown, options: Options = {}): FakeLlmReply => ({
    kind: 'tool_call',
    name,
    input,
    ...options,
  }),
  error: (
    status: number,
    options: ReplyTiming & { message?: string; headers?: Record<string, string> } = {},
  ): FakeLlmReply => ({ kind: 'error', status, ...options }),
  hang: (): FakeLlmReply => ({ kind: 'hang' }),
};
