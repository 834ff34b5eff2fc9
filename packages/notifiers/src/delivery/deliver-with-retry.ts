import type { AlertMessage, DeliveryResult, DeliveryTarget, Notifier } from '@fixloop/core';

export interface RetryPolicy {
  /** Attempts in total, the first included. Default 3. */
  maxAttempts?: number;
  backoff?: { initialMs?: number; factor?: number; maxMs?: number };
  /** Injected so tests do not wait; a real timer by default. */
  sleep?: (ms: number) => Promise<void>;
}

export type DeliveryOutcome = DeliveryResult & { attempts: number };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends with exponential backoff on retryable failures, honouring the provider's Retry-After. A wait longer
 * than `maxMs` is not slept through here: the failure is returned (still retryable, with retryAfterMs) so the
 * job queue can reschedule instead of holding a worker. A notifier that throws is a bug; it is reported as a
 * non-retryable failure so alerting never breaks the caller.
 */
export async function deliverWithRetry(
  notifier: Notifier,
  message: AlertMessage,
  target: DeliveryTarget,
  policy: RetryPolicy = {},
): Promise<DeliveryOutcome> {
  const maxAttempts = Math.max(1, policy.maxAttempts ?? 3);
  const { initialMs = 1000, factor = 2, maxMs = 60_000 } = policy.backoff ?? {};
  const sleep = policy.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    let result: DeliveryResult;
    try {
      result = await notifier.send(message, target);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      return { ok: false, retryable: false, error: `notifier failed: ${text}`, attempts: attempt };
    }
    if (result.ok || !result.retryable || attempt >= maxAttempts) return { ...result, attempts: attempt };
    const backoff = Math.min(maxMs, initialMs * factor ** (attempt - 1));
    const wait = Math.max(backoff, result.retryAfterMs ?? 0);
    if (wait > maxMs) return { ...result, attempts: attempt };
    await sleep(wait);
  }
}
