import {
  validateOutput,
  type LlmAttempt,
  type LlmObjectRequest,
  type LlmResult,
  type OutputSchema,
  type PromptScrubOptions,
} from '@fixloop/core';
import type { TokenCounts } from './language-model-call.ts';
import { addUsage, type LlmSpending } from './llm-spending.ts';
import { withRepairTurn, type PreparedLlmCall } from './prepared-llm-call.ts';
import type { ProviderLink } from './provider-link.ts';

/** The first answer the chain produced, with the provider that gave it and the call that asked. */
export interface ChainAnswer {
  link: ProviderLink;
  call: PreparedLlmCall;
  text: string;
  tokens: TokenCounts;
}

/**
 * Accepts a structured answer that validates; otherwise asks the same model once more, showing it its
 * answer and the validation error, and gives up with `invalid_output` when that fails too. Both calls are
 * paid for, so both are recorded.
 */
export async function settleStructuredAnswer<T>(
  request: LlmObjectRequest<T>,
  answer: ChainAnswer,
  context: { spending: LlmSpending; scrub: PromptScrubOptions; attempts: LlmAttempt[] },
): Promise<LlmResult<T>> {
  const { spending, attempts } = context;
  const first = await validateOutput(request.schema, answer.text);
  if (first.ok) {
    const usage = await spending.record(request, answer.link, answer.tokens, 'ok');
    return { ok: true, value: first.value, usage, attempts };
  }
  markLastInvalid(attempts, first.error);
  const firstUsage = await spending.record(request, answer.link, answer.tokens, 'invalid_output');
  const invalid = (message: string, usage = firstUsage): LlmResult<T> => {
    return { ok: false, reason: 'invalid_output', message, attempts, usage };
  };
  const refusal = await spending.refusal(request.projectId);
  if (refusal) return invalid(`${first.error} No repair attempt: ${refusal}.`);

  const repairCall = withRepairTurn(answer.call, answer.text, first.error, context.scrub);
  const repaired = await answer.link.send(repairCall, attempts);
  if (!repaired.ok) return invalid(`${first.error} The repair attempt failed: ${repaired.failure.message}`);
  const second = await validateOutput(request.schema, repaired.text);
  const outcome = second.ok ? 'ok' : 'invalid_output';
  const usage = addUsage(firstUsage, await spending.record(request, answer.link, repaired.tokens, outcome));
  if (second.ok) return { ok: true, value: second.value, usage, attempts };
  markLastInvalid(attempts, second.error);
  return invalid(`Still invalid after a repair attempt: ${second.error}`, usage);
}

/** The schema as the model sees it; `$schema` is dropped because some endpoints reject unknown keywords. */
export function outputJsonSchema<T>(schema: OutputSchema<T>): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = schema['~standard'].jsonSchema.input({ target: 'draft-07' });
  return rest;
}

function markLastInvalid(attempts: LlmAttempt[], error: string): void {
  const last = attempts.at(-1);
  if (last) attempts[attempts.length - 1] = { ...last, outcome: 'invalid_output', error };
}
