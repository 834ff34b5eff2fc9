import type { DeliveryResult } from '@fixloop/core';
import { parseRetryAfter } from './retry-after.ts';

export type DeliveryFailure = Extract<DeliveryResult, { ok: false }>;

/**
 * The DeliveryResult for a non-2xx answer: 429, 408 and 5xx are worth retrying (honouring Retry-After, or a
 * provider-specific delay passed in), any other 4xx is a configuration or payload problem that will not heal.
 */
export function httpFailure(
  status: number,
  detail: string,
  retryAfter: string | number | null | undefined,
  now: Date,
): DeliveryFailure {
  const retryable = status === 429 || status === 408 || status >= 500;
  const error = `HTTP ${status}${detail ? `: ${detail.slice(0, 300)}` : ''}`;
  const retryAfterMs = retryable ? parseRetryAfter(retryAfter, now) : undefined;
  return retryAfterMs === undefined
    ? { ok: false, retryable, error }
    : { ok: false, retryable, retryAfterMs, error };
}
