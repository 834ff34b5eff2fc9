import { usageMonthStart, type LlmUsageEntry, type LlmUsageLedger } from '@fixloop/core';

/**
 * A ledger kept in process memory: for a single process without a database, and for tests. Spending is
 * forgotten on restart, so the monthly budget restarts too; production wiring uses the storage ledger.
 */
export class InMemoryLlmUsageLedger implements LlmUsageLedger {
  readonly entries: LlmUsageEntry[] = [];

  async record(entry: LlmUsageEntry): Promise<void> {
    this.entries.push({ ...entry });
  }

  async spentThisMonth(projectId: number, now: Date): Promise<number> {
    const from = usageMonthStart(now).getTime();
    return this.entries
      .filter((e) => e.projectId === projectId && e.at.getTime() >= from && e.at.getTime() <= now.getTime())
      .reduce((sum, e) => sum + e.costUsd, 0);
  }
}
