/** One LLM call as the ledger records it: what it cost and what it was for. */
export interface LlmUsageEntry {
  projectId: number;
  issueId: number | null;
  purpose: string;
  provider: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  /** 'ok', or why the answer was not used although it was paid for. */
  outcome: 'ok' | 'invalid_output' | 'error';
  at: Date;
}
