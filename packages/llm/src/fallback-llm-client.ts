import {
  systemClock,
  type Clock,
  type LlmAttempt,
  type LlmClient,
  type LlmFailure,
  type LlmObjectRequest,
  type LlmRequest,
  type LlmResult,
  type LlmUsageLedger,
  type PriceTable,
  type PromptScrubOptions,
} from '@fixloop/core';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff-delay.ts';
import { DEFAULT_LLM_PRICES } from './default-price-table.ts';
import type { LlmConfig, LlmProviderConfig } from './llm-config-schema.ts';
import { LlmSpending } from './llm-spending.ts';
import { prepareLlmCall, scrubOptionsFor, type PreparedLlmCall } from './prepared-llm-call.ts';
import { ProviderLink } from './provider-link.ts';
import { outputJsonSchema, settleStructuredAnswer, type ChainAnswer } from './structured-answer.ts';

export interface FallbackLlmClientOptions {
  /** Primary first, then fallbacks. An empty chain behaves as disabled. */
  chain: LlmProviderConfig[];
  ledger: LlmUsageLedger;
  enabled?: boolean;
  timeoutMs?: number;
  maxRetries?: number;
  requestsPerMinute?: number;
  /** Default monthly budget per project in USD; null means no limit. */
  monthlyBudgetUsd?: number | null;
  /** A project's own budget; undefined falls back to `monthlyBudgetUsd`. */
  budgetForProject?: (projectId: number) => number | null | undefined;
  /** Merged over `DEFAULT_LLM_PRICES`. */
  prices?: PriceTable;
  /** Scrub rules for every prompt, on top of the built-in ones. */
  scrub?: PromptScrubOptions;
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  backoff?: BackoffPolicy;
  random?: () => number;
}

export type FallbackLlmClientDeps = Pick<
  FallbackLlmClientOptions,
  'ledger' | 'budgetForProject' | 'scrub' | 'clock' | 'sleep' | 'backoff' | 'random'
>;

/** The `LlmClient`: tries each provider of the chain in turn, within budget, with every prompt scrubbed. */
export class FallbackLlmClient implements LlmClient {
  private readonly links: ProviderLink[];
  private readonly spending: LlmSpending;
  private readonly scrub: PromptScrubOptions;
  private readonly enabled: boolean;

  constructor(options: FallbackLlmClientOptions) {
    const clock = options.clock ?? systemClock;
    const linkOptions = {
      timeoutMs: options.timeoutMs ?? 60_000,
      maxRetries: options.maxRetries ?? 2,
      requestsPerMinute: options.requestsPerMinute ?? 50,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      clock,
      sleep: options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
      random: options.random ?? Math.random,
    };
    this.links = options.chain.map((config) => new ProviderLink(config, linkOptions));
    const budget = options.monthlyBudgetUsd ?? null;
    const budgetFor = (projectId: number) => {
      const own = options.budgetForProject?.(projectId);
      return own === undefined ? budget : own;
    };
    const prices = { ...DEFAULT_LLM_PRICES, ...options.prices };
    this.spending = new LlmSpending(options.ledger, prices, clock, budgetFor);
    this.scrub = options.scrub ?? {};
    this.enabled = (options.enabled ?? true) && this.links.length > 0;
  }

  /** Builds the client from the parsed `llm` config section. */
  static fromConfig(config: LlmConfig, deps: FallbackLlmClientDeps): FallbackLlmClient {
    return new FallbackLlmClient({ ...config, ...deps });
  }

  async generateText(request: LlmRequest): Promise<LlmResult<string>> {
    const refused = await this.refusal(request);
    if (refused) return refused;
    const attempts: LlmAttempt[] = [];
    const answer = await this.firstAnswer(
      prepareLlmCall(request, scrubOptionsFor(request, this.scrub), null),
      attempts,
    );
    if (!answer) return allProvidersFailed(attempts);
    const usage = await this.spending.record(request, answer.link, answer.tokens, 'ok');
    return { ok: true, value: answer.text, usage, attempts };
  }

  async generateObject<T>(request: LlmObjectRequest<T>): Promise<LlmResult<T>> {
    const refused = await this.refusal(request);
    if (refused) return refused;
    const scrub = scrubOptionsFor(request, this.scrub);
    const output = { jsonSchema: outputJsonSchema(request.schema), name: request.schemaName ?? 'result' };
    const attempts: LlmAttempt[] = [];
    const answer = await this.firstAnswer(prepareLlmCall(request, scrub, output), attempts);
    if (!answer) return allProvidersFailed(attempts);
    return settleStructuredAnswer(request, answer, { spending: this.spending, scrub, attempts });
  }

  private async refusal(request: LlmRequest): Promise<LlmFailure | null> {
    if (!this.enabled) return failure('disabled', 'LLM features are disabled', []);
    const overBudget = await this.spending.refusal(request.projectId);
    return overBudget ? failure('budget_exhausted', overBudget, []) : null;
  }

  /** The first provider that answers at all; judging the answer is the caller's business. */
  private async firstAnswer(call: PreparedLlmCall, attempts: LlmAttempt[]): Promise<ChainAnswer | null> {
    for (const link of this.links) {
      const outcome = await link.send(call, attempts);
      if (outcome.ok) return { link, call, text: outcome.text, tokens: outcome.tokens };
    }
    return null;
  }
}

function failure(reason: LlmFailure['reason'], message: string, attempts: LlmAttempt[]): LlmFailure {
  return { ok: false, reason, message, attempts, usage: null };
}

function allProvidersFailed(attempts: LlmAttempt[]): LlmFailure {
  const last = attempts.at(-1);
  const detail = last ? ` (last: ${last.provider}/${last.model}: ${last.error ?? last.outcome})` : '';
  return failure('all_providers_failed', `every provider in the LLM chain failed${detail}`, attempts);
}
