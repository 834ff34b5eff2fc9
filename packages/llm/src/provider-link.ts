import type { Clock, LlmAttempt } from '@fixloop/core';
import type { LanguageModel } from 'ai';
import { backoffDelayMs, type BackoffPolicy } from './backoff-delay.ts';
import type { LlmCallFailure } from './classify-llm-error.ts';
import { createLanguageModel, providerLabel } from './create-language-model.ts';
import { callLanguageModel, type LanguageModelOutcome } from './language-model-call.ts';
import type { LlmProviderConfig } from './llm-config-schema.ts';
import type { PreparedLlmCall } from './prepared-llm-call.ts';
import { TokenBucket } from './token-bucket.ts';

export interface ProviderLinkOptions {
  timeoutMs: number;
  maxRetries: number;
  requestsPerMinute: number;
  backoff: BackoffPolicy;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/** One entry of the fallback chain: its model, its own rate limit, and retries with backoff. */
export class ProviderLink {
  readonly label: string;
  readonly model: string;
  private readonly languageModel: LanguageModel;
  private readonly bucket: TokenBucket;
  private readonly timeoutMs: number;
  /** A plain OpenAI-compatible server gets the schema in the prompt, having no field for it. */
  private readonly schemaInPrompt: boolean;

  constructor(
    config: LlmProviderConfig,
    private readonly options: ProviderLinkOptions,
  ) {
    this.label = providerLabel(config);
    this.model = config.model;
    this.languageModel = createLanguageModel(config);
    this.bucket = new TokenBucket(options.requestsPerMinute, options.clock);
    this.timeoutMs = config.timeoutMs ?? options.timeoutMs;
    this.schemaInPrompt = config.provider === 'openai-compatible' && config.structuredOutputs !== true;
  }

  /** Sends the call, retrying 429/5xx/timeouts/network errors; every request is appended to `attempts`. */
  async send(call: PreparedLlmCall, attempts: LlmAttempt[]): Promise<LanguageModelOutcome> {
    let last: LlmCallFailure | null = null;
    for (let retry = 0; retry <= this.options.maxRetries; retry++) {
      if (last)
        await this.options.sleep(
          backoffDelayMs(retry, this.options.backoff, last.retryAfterMs, this.options.random),
        );
      if (!(await this.takeToken())) {
        const failure = localRateLimit(this.options.requestsPerMinute);
        attempts.push(this.attempt(failure.outcome, failure.message));
        return { ok: false, failure };
      }
      const outcome = await callLanguageModel(this.languageModel, call, {
        timeoutMs: this.timeoutMs,
        schemaInPrompt: this.schemaInPrompt,
        now: () => this.options.clock.now(),
      });
      attempts.push(
        outcome.ok
          ? this.attempt('ok', null)
          : this.attempt(outcome.failure.outcome, outcome.failure.message),
      );
      if (outcome.ok || !outcome.failure.retryable) return outcome;
      last = outcome.failure;
    }
    return { ok: false, failure: last as LlmCallFailure };
  }

  attempt(outcome: LlmAttempt['outcome'], error: string | null): LlmAttempt {
    return { provider: this.label, model: this.model, outcome, error };
  }

  /** Waits for a token when one frees up within the call timeout; otherwise the next provider is tried. */
  private async takeToken(): Promise<boolean> {
    const waitMs = this.bucket.tryTake();
    if (waitMs === 0) return true;
    if (waitMs > this.timeoutMs) return false;
    await this.options.sleep(waitMs);
    return this.bucket.tryTake() === 0;
  }
}

function localRateLimit(requestsPerMinute: number): LlmCallFailure {
  return {
    outcome: 'rate_limited',
    message: `local rate limit of ${requestsPerMinute} requests per minute reached`,
    retryable: false,
    retryAfterMs: null,
  };
}
