import type { AlertDigest, AlertDigestItem } from './alert-message.ts';

/** Alerts held back for one channel, sent as one digest message at `flushAt`. */
export interface PendingDigest {
  reason: AlertDigest['reason'];
  /** Epoch milliseconds. */
  windowStart: number;
  flushAt: number;
  dashboardUrl: string;
  items: AlertDigestItem[];
}

/**
 * Everything AlertThrottle remembers, as plain JSON (epoch milliseconds), so it can be kept in memory
 * now and in a database row later without a format change.
 */
export interface ThrottleState {
  /** `${channelId}|${dedupKey}` → when the dedup window ends. */
  dedup: Record<string, number>;
  /** `${channelId}|${ruleId}` → when each alert from that rule was let through or digested. */
  bursts: Record<string, number[]>;
  /** channelId → send times in the last minute, for the per-channel rate limit. */
  sends: Record<string, number[]>;
  /** channelId → the digest being collected. */
  digests: Record<string, PendingDigest>;
}

export function emptyThrottleState(): ThrottleState {
  return { dedup: {}, bursts: {}, sends: {}, digests: {} };
}

/** Drops what can no longer matter, so the state stays small however long it lives. */
export function pruneThrottleState(
  state: ThrottleState,
  now: number,
  longestWindowMs: number,
): ThrottleState {
  const dedup = Object.fromEntries(Object.entries(state.dedup).filter(([, until]) => until > now));
  const recent = (times: number[], windowMs: number) => times.filter((t) => t > now - windowMs);
  const keep = (map: Record<string, number[]>, windowMs: number) =>
    Object.fromEntries(
      Object.entries(map)
        .map(([key, times]) => [key, recent(times, windowMs)] as const)
        .filter(([, times]) => times.length > 0),
    );
  return {
    dedup,
    bursts: keep(state.bursts, longestWindowMs),
    sends: keep(state.sends, 60_000),
    digests: state.digests,
  };
}
