import { describe, expect, it } from 'vitest';
import { SESSION_POLICY, isSessionExpired, newSessionTimes, slideSession } from './session-lifetime.ts';

const t0 = new Date('2026-03-01T00:00:00.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);
const DAY = 86_400_000;

describe('session lifetime', () => {
  it('starts with a 14-day idle expiry', () => {
    const times = newSessionTimes(t0);
    expect(times).toEqual({ createdAt: t0, lastSeenAt: t0, expiresAt: later(14 * DAY) });
    expect(isSessionExpired(times, later(14 * DAY - 1))).toBe(false);
    expect(isSessionExpired(times, later(14 * DAY))).toBe(true);
  });

  it('slides at most once per touch interval', () => {
    const times = newSessionTimes(t0);
    expect(slideSession(times, later(SESSION_POLICY.touchIntervalMs - 1))).toBeNull();
    expect(slideSession(times, later(2 * DAY))).toEqual({
      lastSeenAt: later(2 * DAY),
      expiresAt: later(16 * DAY),
    });
  });

  it('never slides past 30 days after login', () => {
    const times = { createdAt: t0, lastSeenAt: later(20 * DAY), expiresAt: later(34 * DAY) };
    expect(slideSession(times, later(25 * DAY))).toEqual({
      lastSeenAt: later(25 * DAY),
      expiresAt: later(30 * DAY),
    });
  });
});
