import { generateText, jsonSchema, NoObjectGeneratedError, Output, type LanguageModel } from 'ai';
import { classifyLlmError, type LlmCallFailure } from './classify-llm-error.ts';
import type { PreparedLlmCall } from './prepared-llm-call.ts';

export interface TokenCounts {
  promptTokens: number;
  completionTokens: number;
}

export type LanguageModelOutcome =
  { ok: true; text: string; tokens: TokenCounts } | { ok: false; failure: LlmCallFailure };

/**
 * One HTTP request to one model, no retries (the chain does those). The answer text comes back as is:
 * validating structured output is the caller's job, so a non-JSON answer is a success here, not an error.
 */
export async function callLanguageModel(
  model: LanguageModel,
  call: PreparedLlmCall,
  options: { timeoutMs: number; schemaInPrompt: boolean; now: () => Date },
): Promise<LanguageModelOutcome> {
  try {
    const result = await generateText({
      model,
      system: systemPrompt(call, options.schemaInPrompt),
      messages: call.messages,
      maxOutputTokens: call.maxOutputTokens,
      maxRetries: 0,
      abortSignal: AbortSignal.timeout(options.timeoutMs),
      ...(call.output ? { output: outputSpec(call.output, options.schemaInPrompt) } : {}),
      // Strict mode rejects optional properties; our own validation and repair turn cover what it adds.
      providerOptions: { openai: { strictJsonSchema: false } },
    });
    return { ok: true, text: result.text, tokens: tokensOf(result.usage) };
  } catch (error) {
    if (NoObjectGeneratedError.isInstance(error)) {
      return { ok: true, text: error.text ?? '', tokens: tokensOf(error.usage) };
    }
    return { ok: false, failure: classifyLlmError(error, options.now()) };
  }
}

/** Where the provider cannot carry a schema (a plain OpenAI-compatible server), the prompt carries it. */
function outputSpec(output: NonNullable<PreparedLlmCall['output']>, schemaInPrompt: boolean) {
  if (schemaInPrompt) return Output.json({ name: output.name });
  return Output.object({ schema: jsonSchema<unknown>(output.jsonSchema), name: output.name });
}

function systemPrompt(call: PreparedLlmCall, schemaInPrompt: boolean): string | undefined {
  if (!call.output || !schemaInPrompt) return call.system;
  const instruction =
    `Answer with a single JSON value named "${call.output.name}" that matches this JSON Schema, ` +
    `with no prose and no markdown:\n${JSON.stringify(call.output.jsonSchema)}`;
  return call.system ? `${call.system}\n\n${instruction}` : instruction;
}

function tokensOf(
  usage: { inputTokens?: number | undefined; outputTokens?: number | undefined } | undefined,
) {
  return { promptTokens: usage?.inputTokens ?? 0, completionTokens: usage?.outputTokens ?? 0 };
}
