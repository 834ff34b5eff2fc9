import type { Project } from '@fixloop/core';

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Window {
  startMs: number;
  count: number;
}

/** One fixed-window counter per project (spec §2), counted per event, in memory. */
export class ProjectRateLimiter {
  private readonly windows = new Map<number, Window>();

  take(project: Project, events: number, nowMs: number): RateLimitDecision {
    const limit = project.settings.rateLimit;
    if (limit === null || events === 0) return { allowed: true };
    const windowMs = limit.windowSeconds * 1000;
    const startMs = nowMs - (nowMs % windowMs);
    let window = this.windows.get(project.id);
    if (window === undefined || window.startMs !== startMs) {
      window = { startMs, count: 0 };
      this.windows.set(project.id, window);
    }
    if (window.count + events > limit.count) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((startMs + windowMs - nowMs) / 1000)),
      };
    }
    window.count += events;
    return { allowed: true };
  }
}
