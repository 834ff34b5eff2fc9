import type { LlmUsageEntry } from '../llm/llm-usage-entry.ts';

/**
 * Where LLM spending is recorded. It feeds the monthly budget, so `spentThisMonth` must see every entry
 * recorded before it, across processes (the storage adapters keep it in the main database).
 */
export interface LlmUsageLedger {
  record(entry: LlmUsageEntry): Promise<void>;
  /** The sum of `costUsd` for the project since the start of `now`'s UTC month (see `usageMonthStart`). */
  spentThisMonth(projectId: number, now: Date): Promise<number>;
}
