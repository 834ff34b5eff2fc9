import { FAKE_DEFAULT_USAGE, type FakeLlmReply } from './fake-llm-reply.ts';
import type { WireResponse } from './wire-response.ts';

type AnswerReply = Exclude<FakeLlmReply, { kind: 'error' } | { kind: 'hang' }>;

/** An Anthropic Messages answer (`POST /v1/messages`, non-streaming), as Anthropic sends it. */
export function anthropicMessagesResponse(
  reply: AnswerReply,
  request: Record<string, unknown>,
): WireResponse {
  const usage = reply.usage ?? FAKE_DEFAULT_USAGE;
  const tool = toolUseFor(reply, request);
  const content = tool
    ? [{ type: 'tool_use', id: 'toolu_fake_1', name: tool.name, input: tool.input }]
    : [{ type: 'text', text: reply.kind === 'text' ? reply.text : JSON.stringify(replyValue(reply)) }];
  return {
    status: 200,
    body: {
      id: 'msg_fake',
      type: 'message',
      role: 'assistant',
      model: typeof request.model === 'string' ? request.model : 'fake',
      content,
      stop_reason: tool ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: usage.promptTokens, output_tokens: usage.completionTokens },
    },
  };
}

export function anthropicErrorBody(status: number, message: string): unknown {
  const type =
    status === 429
      ? 'rate_limit_error'
      : status === 529
        ? 'overloaded_error'
        : status >= 500
          ? 'api_error'
          : status === 401
            ? 'authentication_error'
            : 'invalid_request_error';
  return { type: 'error', error: { type, message } };
}

function toolUseFor(
  reply: AnswerReply,
  request: Record<string, unknown>,
): { name: string; input: unknown } | null {
  if (reply.kind === 'tool_call') return { name: reply.name, input: reply.input };
  if (reply.kind !== 'json') return null;
  const forced = forcedTool(request);
  return forced ? { name: forced, input: reply.value } : null;
}

/**
 * The AI SDK asks older Claude models for structured output with a `json` tool and `tool_choice: any`;
 * newer ones get `output_config.format` and answer with plain text, which needs no tool.
 */
function forcedTool(request: Record<string, unknown>): string | null {
  const choice = request.tool_choice as { type?: string; name?: string } | undefined;
  const tools = request.tools as Array<{ name?: string }> | undefined;
  if (choice?.type === 'tool') return choice.name ?? null;
  if (choice?.type === 'any' && tools?.length) return tools.at(-1)?.name ?? null;
  return null;
}

function replyValue(reply: AnswerReply): unknown {
  return reply.kind === 'json' ? reply.value : reply.kind === 'tool_call' ? reply.input : reply.text;
}
