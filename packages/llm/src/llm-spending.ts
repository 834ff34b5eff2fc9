import {
  checkBudget,
  costOf,
  type Clock,
  type LlmRequestOptions,
  type LlmUsage,
  type LlmUsageEntry,
  type LlmUsageLedger,
  type PriceTable,
} from '@fixloop/core';
import type { TokenCounts } from './language-model-call.ts';

/** Prices every answered call, records it in the ledger, and enforces each project's monthly budget. */
export class LlmSpending {
  constructor(
    private readonly ledger: LlmUsageLedger,
    private readonly prices: PriceTable,
    private readonly clock: Clock,
    private readonly budgetFor: (projectId: number) => number | null,
  ) {}

  /** A message saying why the project may not spend more this month, or null when it may. */
  async refusal(projectId: number): Promise<string | null> {
    const spent = await this.ledger.spentThisMonth(projectId, this.clock.now());
    const decision = checkBudget({ monthlyBudgetUsd: this.budgetFor(projectId) }, spent);
    if (decision.allowed) return null;
    return `monthly LLM budget of $${decision.monthlyBudgetUsd} is spent ($${decision.spentUsd.toFixed(4)})`;
  }

  async record(
    request: LlmRequestOptions,
    link: { label: string; model: string },
    tokens: TokenCounts,
    outcome: LlmUsageEntry['outcome'],
  ): Promise<LlmUsage> {
    const usage: LlmUsage = { provider: link.label, model: link.model, ...tokens, costUsd: 0 };
    usage.costUsd = costOf(usage, this.prices);
    await this.ledger.record({
      projectId: request.projectId,
      issueId: request.issueId ?? null,
      purpose: request.purpose,
      ...usage,
      outcome,
      at: this.clock.now(),
    });
    return usage;
  }
}

/** Two calls to the same model (an answer and its repair) reported as one usage. */
export function addUsage(a: LlmUsage, b: LlmUsage): LlmUsage {
  return {
    provider: a.provider,
    model: a.model,
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    costUsd: Math.round((a.costUsd + b.costUsd) * 1_000_000) / 1_000_000,
  };
}
