import { FAKE_DEFAULT_USAGE, type FakeLlmReply } from './fake-llm-reply.ts';
import type { WireResponse } from './wire-response.ts';

type AnswerReply = Exclude<FakeLlmReply, { kind: 'error' } | { kind: 'hang' }>;

/** An OpenAI Chat Completions answer (`POST /v1/chat/completions`, non-streaming), as OpenAI sends it. */
export function openAiChatResponse(reply: AnswerReply, request: Record<string, unknown>): WireResponse {
  const usage = reply.usage ?? FAKE_DEFAULT_USAGE;
  const toolCall = toolCallFor(reply, request);
  const message = toolCall
    ? {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_fake_1',
            type: 'function',
            function: { name: toolCall.name, arguments: toolCall.args },
          },
        ],
      }
    : { role: 'assistant', content: reply.kind === 'text' ? reply.text : JSON.stringify(replyValue(reply)) };
  return {
    status: 200,
    body: {
      id: 'chatcmpl-fake',
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: typeof request.model === 'string' ? request.model : 'fake',
      choices: [{ index: 0, message, logprobs: null, finish_reason: toolCall ? 'tool_calls' : 'stop' }],
      usage: {
        prompt_tokens: usage.promptTokens,
        completion_tokens: usage.completionTokens,
        total_tokens: usage.promptTokens + usage.completionTokens,
      },
    },
  };
}

export function openAiErrorBody(status: number, message: string): unknown {
  const type =
    status === 429 ? 'rate_limit_exceeded' : status >= 500 ? 'server_error' : 'invalid_request_error';
  return { error: { message, type, param: null, code: null } };
}

function toolCallFor(
  reply: AnswerReply,
  request: Record<string, unknown>,
): { name: string; args: string } | null {
  if (reply.kind === 'tool_call') return { name: reply.name, args: JSON.stringify(reply.input) };
  if (reply.kind !== 'json') return null;
  const forced = forcedFunction(request);
  return forced ? { name: forced, args: JSON.stringify(reply.value) } : null;
}

/** `tool_choice: {type:"function", function:{name}}`, or "required" with exactly one tool. */
function forcedFunction(request: Record<string, unknown>): string | null {
  const choice = request.tool_choice as { type?: string; function?: { name?: string } } | string | undefined;
  if (typeof choice === 'object' && choice.type === 'function') return choice.function?.name ?? null;
  const tools = request.tools as Array<{ function?: { name?: string } }> | undefined;
  if (choice === 'required' && tools?.length === 1) return tools[0]?.function?.name ?? null;
  return null;
}

function replyValue(reply: AnswerReply): unknown {
  return reply.kind === 'json' ? reply.value : reply.kind === 'tool_call' ? reply.input : reply.text;
}
