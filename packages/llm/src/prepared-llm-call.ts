import { scrubForPrompt, type LlmMessage, type LlmRequest, type PromptScrubOptions } from '@fixloop/core';

/** A request after scrubbing: exactly what may leave the process. */
export interface PreparedLlmCall {
  system: string | undefined;
  messages: LlmMessage[];
  maxOutputTokens: number;
  /** Present for structured output. */
  output: { jsonSchema: Record<string, unknown>; name: string } | null;
}

/** Without a cap, some SDKs ask for the model's maximum (64k tokens), which a budget cannot plan for. */
export const DEFAULT_MAX_OUTPUT_TOKENS = 4096;

/** The client-wide scrub rules plus the project's own sensitive fields from the request. */
export function scrubOptionsFor(request: LlmRequest, scrub: PromptScrubOptions): PromptScrubOptions {
  return {
    ...scrub,
    sensitiveFields: [...(scrub.sensitiveFields ?? []), ...(request.sensitiveFields ?? [])],
  };
}

/** Scrubs every text of the request; nothing unscrubbed is kept in the prepared call. */
export function prepareLlmCall(
  request: LlmRequest,
  options: PromptScrubOptions,
  output: PreparedLlmCall['output'],
): PreparedLlmCall {
  const messages = request.messages ?? [{ role: 'user', content: request.prompt }];
  return {
    system: request.system === undefined ? undefined : scrubForPrompt(request.system, options),
    messages: messages.map((m) => ({ role: m.role, content: scrubForPrompt(m.content, options) })),
    maxOutputTokens: request.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
    output,
  };
}

/** The one repair turn: the model sees its own answer and what was wrong with it. */
export function withRepairTurn(
  call: PreparedLlmCall,
  answer: string,
  error: string,
  scrub: PromptScrubOptions,
): PreparedLlmCall {
  const feedback =
    `Your answer was rejected. ${error}\n` +
    'Reply again with only the corrected JSON value that matches the schema, and nothing else.';
  return {
    ...call,
    messages: [
      ...call.messages,
      { role: 'assistant' as const, content: scrubForPrompt(answer, scrub) },
      { role: 'user' as const, content: scrubForPrompt(feedback, scrub) },
    ],
  };
}
