export interface LoginThrottleOptions {
  /** Failed attempts allowed per key within the window. */
  maxFailures: number;
  windowMs: number;
  /** Bound on remembered keys, so a flood of random emails cannot grow memory without limit. */
  maxKeys?: number;
}

export type LoginThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Window {
  failures: number;
  startedAt: number;
}

/**
 * Counts failed logins per key (an email, an IP address) in fixed windows. A key that failed
 * `maxFailures` times is refused until its window ends, whether the next password is right or not.
 */
export class LoginThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly options: LoginThrottleOptions) {}

  check(keys: readonly string[], nowMs: number): LoginThrottleDecision {
    let waitMs = 0;
    for (const key of keys) {
      const window = this.current(key, nowMs);
      if (window !== undefined && window.failures >= this.options.maxFailures) {
        waitMs = Math.max(waitMs, window.startedAt + this.options.windowMs - nowMs);
      }
    }
    return waitMs > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) } : { allowed: true };
  }

  recordFailure(keys: readonly string[], nowMs: number): void {
    for (const key of keys) {
      const window = this.current(key, nowMs);
      if (window !== undefined) {
        window.failures += 1;
        continue;
      }
      if (this.windows.size >= (this.options.maxKeys ?? 100_000)) this.evictExpired(nowMs);
      this.windows.set(key, { failures: 1, startedAt: nowMs });
    }
  }

  /** After a successful login the account's counter starts over (the IP's does not). */
  reset(key: string): void {
    this.windows.delete(key);
  }

  private current(key: string, nowMs: number): Window | undefined {
    const window = this.windows.get(key);
    if (window === undefined) return undefined;
    if (nowMs - window.startedAt >= this.options.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private evictExpired(nowMs: number): void {
    for (const [key, window] of this.windows) {
      if (nowMs - window.startedAt >= this.options.windowMs) this.windows.delete(key);
    }
    // Still full: forget the oldest half rather than refuse to count.
    if (this.windows.size >= (this.options.maxKeys ?? 100_000)) {
      const keys = [...this.windows.keys()];
      for (const key of keys.slice(0, Math.ceil(keys.length / 2))) this.windows.delete(key);
    }
  }
}
