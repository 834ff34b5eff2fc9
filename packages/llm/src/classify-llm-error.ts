import type { LlmAttemptOutcome } from '@fixloop/core';
import { APICallError } from 'ai';
import { parseRetryAfterMs } from './backoff-delay.ts';

export interface LlmCallFailure {
  outcome: Exclude<LlmAttemptOutcome, 'ok' | 'invalid_output'>;
  message: string;
  /** 429, 5xx, timeouts and network errors are worth another try; a 400 or 401 is not. */
  retryable: boolean;
  retryAfterMs: number | null;
}

/** Turns what the AI SDK throws into an attempt outcome; anything unknown is a non-retryable client error. */
export function classifyLlmError(error: unknown, now: Date): LlmCallFailure {
  if (isTimeout(error)) {
    return { outcome: 'timeout', message: 'timed out', retryable: true, retryAfterMs: null };
  }
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    const message = status ? `HTTP ${status}: ${error.message}` : error.message;
    const retryAfterMs = parseRetryAfterMs(error.responseHeaders?.['retry-after'], now);
    if (status === undefined) return { outcome: 'network_error', message, retryable: true, retryAfterMs };
    if (status === 429) return { outcome: 'rate_limited', message, retryable: true, retryAfterMs };
    if (status >= 500 || status === 408)
      return { outcome: 'server_error', message, retryable: true, retryAfterMs };
    return { outcome: 'client_error', message, retryable: false, retryAfterMs: null };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { outcome: 'client_error', message, retryable: false, retryAfterMs: null };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}
