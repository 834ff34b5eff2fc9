export interface BackoffPolicy {
  /** The delay before the first retry; each further retry doubles it. */
  baseMs: number;
  /** No delay is longer, whatever the server's Retry-After says. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 8_000 };

/**
 * Exponential backoff with "equal jitter" (half fixed, half random), so clients that failed together do
 * not retry together. A server's Retry-After wins when it asks for longer, up to `maxMs`.
 *
 * @param retry 1 for the first retry.
 * @param random in [0, 1); injectable so tests are exact.
 */
export function backoffDelayMs(
  retry: number,
  policy: BackoffPolicy,
  retryAfterMs: number | null = null,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  const jittered = exponential / 2 + (exponential / 2) * random();
  return Math.round(Math.min(policy.maxMs, Math.max(jittered, retryAfterMs ?? 0)));
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfterMs(header: string | undefined, now: Date): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}
