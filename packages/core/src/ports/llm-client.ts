import type { OutputSchema } from '../llm/output-schema.ts';

/**
 * The one way the domain talks to a language model. Every expected outcome (disabled, over budget, every
 * provider down, an answer that never matched the schema) is a result value, so callers fall back to the
 * deterministic path with a plain `if (!result.ok)`. Adapters scrub PII before anything leaves the process.
 */
export interface LlmClient {
  generateText(request: LlmRequest): Promise<LlmResult<string>>;
  generateObject<T>(request: LlmObjectRequest<T>): Promise<LlmResult<T>>;
}

export interface LlmMessage {
  role: 'user' | 'assistant';
  content: string;
}

export type LlmRequest = LlmRequestOptions &
  ({ prompt: string; messages?: undefined } | { messages: LlmMessage[]; prompt?: undefined });

export type LlmObjectRequest<T> = LlmRequest & {
  schema: OutputSchema<T>;
  /** Shown to the model (and used as the tool name where a provider needs one); defaults to "result". */
  schemaName?: string;
};

export interface LlmRequestOptions {
  /** The budget and the ledger are per project. */
  projectId: number;
  /** The ledger entry is recorded against this issue when given. */
  issueId?: number | null;
  /** What the call is for, e.g. "investigation.analysis"; recorded in the ledger. */
  purpose: string;
  system?: string;
  maxOutputTokens?: number;
  /** The project's own sensitive field names, scrubbed on top of the built-in list. */
  sensitiveFields?: string[];
}

export type LlmResult<T> = LlmSuccess<T> | LlmFailure;

export interface LlmSuccess<T> {
  ok: true;
  value: T;
  /** Summed over the calls that produced the value (a repaired answer costs two calls). */
  usage: LlmUsage;
  attempts: LlmAttempt[];
}

export interface LlmFailure {
  ok: false;
  reason: LlmFailureReason;
  message: string;
  attempts: LlmAttempt[];
  /** What the failed calls cost, when the provider answered at all. */
  usage: LlmUsage | null;
}

export type LlmFailureReason = 'disabled' | 'budget_exhausted' | 'all_providers_failed' | 'invalid_output';

export interface LlmUsage {
  provider: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
}

/** One request that left the process (or was refused locally by the rate limiter). */
export interface LlmAttempt {
  provider: string;
  model: string;
  outcome: LlmAttemptOutcome;
  /** Null when the attempt succeeded. */
  error: string | null;
}

export type LlmAttemptOutcome =
  'ok' | 'invalid_output' | 'timeout' | 'rate_limited' | 'server_error' | 'network_error' | 'client_error';
