import type { Clock } from '@fixloop/core';

/**
 * A token bucket per chain entry: up to `requestsPerMinute` requests in a burst, refilled continuously.
 * It never sleeps itself; the caller decides whether to wait or to move on to the next provider.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private readonly perMs: number;

  constructor(
    private readonly requestsPerMinute: number,
    private readonly clock: Clock,
  ) {
    this.tokens = requestsPerMinute;
    this.perMs = requestsPerMinute / 60_000;
    this.updatedAt = clock.now().getTime();
  }

  /** Takes a token and returns 0, or takes nothing and returns the milliseconds until one is free. */
  tryTake(): number {
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - this.tokens) / this.perMs);
  }

  private refill(): void {
    const now = this.clock.now().getTime();
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.requestsPerMinute, this.tokens + elapsed * this.perMs);
    this.updatedAt = now;
  }
}
