import type { LlmUsageEntry } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { InMemoryLlmUsageLedger } from './in-memory-llm-usage-ledger.ts';

const entry = (projectId: number, at: string, costUsd: number): LlmUsageEntry => ({
  projectId,
  issueId: null,
  purpose: 'test',
  provider: 'openai',
  model: 'gpt-4o',
  promptTokens: 1,
  completionTokens: 1,
  costUsd,
  outcome: 'ok',
  at: new Date(at),
});

describe('InMemoryLlmUsageLedger', () => {
  it("sums one project's spending within the current UTC month only", async () => {
    const ledger = new InMemoryLlmUsageLedger();
    await ledger.record(entry(1, '2026-04-30T23:59:59Z', 100));
    await ledger.record(entry(1, '2026-05-01T00:00:00Z', 1.5));
    await ledger.record(entry(1, '2026-05-20T10:00:00Z', 2.25));
    await ledger.record(entry(2, '2026-05-02T00:00:00Z', 50));
    expect(await ledger.spentThisMonth(1, new Date('2026-05-31T00:00:00Z'))).toBe(3.75);
    expect(await ledger.spentThisMonth(1, new Date('2026-06-01T00:00:00Z'))).toBe(0);
    expect(await ledger.spentThisMonth(3, new Date('2026-05-31T00:00:00Z'))).toBe(0);
  });
});
