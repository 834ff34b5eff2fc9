import type { LoginSession } from './account.ts';

const DAY_MS = 86_400_000;

/**
 * Dashboard sessions expire after 14 idle days (each use slides the expiry) and 30 days after login
 * whatever happens, so a stolen cookie is not good forever. The expiry is written at most once an hour:
 * a write per request would put the database on every dashboard read.
 */
export const SESSION_POLICY = {
  idleTimeoutMs: 14 * DAY_MS,
  maxAgeMs: 30 * DAY_MS,
  touchIntervalMs: 60 * 60_000,
} as const;

export type SessionTimes = Pick<LoginSession, 'createdAt' | 'lastSeenAt' | 'expiresAt'>;

export function newSessionTimes(now: Date): SessionTimes {
  return { createdAt: now, lastSeenAt: now, expiresAt: slidExpiry(now, now) };
}

export function isSessionExpired(session: SessionTimes, now: Date): boolean {
  return session.expiresAt.getTime() <= now.getTime();
}

/** The new `lastSeenAt`/`expiresAt` of a session used at `now`, or null when no write is due yet. */
export function slideSession(
  session: SessionTimes,
  now: Date,
): Pick<SessionTimes, 'lastSeenAt' | 'expiresAt'> | null {
  if (now.getTime() - session.lastSeenAt.getTime() < SESSION_POLICY.touchIntervalMs) return null;
  return { lastSeenAt: now, expiresAt: slidExpiry(session.createdAt, now) };
}

function slidExpiry(createdAt: Date, now: Date): Date {
  const idle = now.getTime() + SESSION_POLICY.idleTimeoutMs;
  const absolute = createdAt.getTime() + SESSION_POLICY.maxAgeMs;
  return new Date(Math.min(idle, absolute));
}
