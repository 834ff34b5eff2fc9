import { describe, expect, it } from 'vitest';
import { backoffDelayMs, parseRetryAfterMs } from './backoff-delay.ts';

const policy = { baseMs: 500, maxMs: 8_000 };

describe('backoffDelayMs', () => {
  it('doubles per retry, with half of the delay jittered', () => {
    expect([1, 2, 3, 4].map((retry) => backoffDelayMs(retry, policy, null, () => 0))).toEqual([
      250, 500, 1000, 2000,
    ]);
    expect([1, 2, 3, 4].map((retry) => backoffDelayMs(retry, policy, null, () => 0.999999))).toEqual([
      500, 1000, 2000, 4000,
    ]);
  });

  it('is capped at maxMs', () => {
    expect(backoffDelayMs(20, policy, null, () => 0.999999)).toBe(8_000);
  });

  it("waits at least what the server's Retry-After asks, up to maxMs", () => {
    expect(backoffDelayMs(1, policy, 3_000, () => 0)).toBe(3_000);
    expect(backoffDelayMs(1, policy, 60_000, () => 0)).toBe(8_000);
  });
});

describe('parseRetryAfterMs', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfterMs('2', now)).toBe(2_000);
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfterMs(undefined, now)).toBeNull();
    expect(parseRetryAfterMs('soon', now)).toBeNull();
  });
});
