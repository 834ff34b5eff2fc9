import { describe, expect, it } from 'vitest';
import { isQuietTime, quietHoursEnd } from './quiet-hours.ts';

describe('quiet hours', () => {
  it('handles a same-day window in UTC', () => {
    const quiet = { start: '12:00', end: '13:30', utcOffsetMinutes: 0 };
    expect(isQuietTime(quiet, new Date('2026-03-01T11:59:00Z'))).toBe(false);
    expect(isQuietTime(quiet, new Date('2026-03-01T12:00:00Z'))).toBe(true);
    expect(isQuietTime(quiet, new Date('2026-03-01T13:29:59Z'))).toBe(true);
    expect(isQuietTime(quiet, new Date('2026-03-01T13:30:00Z'))).toBe(false);
    expect(quietHoursEnd(quiet, new Date('2026-03-01T12:10:30Z'))).toEqual(new Date('2026-03-01T13:30:00Z'));
  });

  it('handles a window across midnight with a negative offset', () => {
    // 23:00–06:00 at UTC-5 is 04:00–11:00 UTC.
    const quiet = { start: '23:00', end: '06:00', utcOffsetMinutes: -300 };
    expect(isQuietTime(quiet, new Date('2026-03-01T03:59:00Z'))).toBe(false);
    expect(isQuietTime(quiet, new Date('2026-03-01T04:00:00Z'))).toBe(true);
    expect(isQuietTime(quiet, new Date('2026-03-01T10:59:00Z'))).toBe(true);
    expect(isQuietTime(quiet, new Date('2026-03-01T11:00:00Z'))).toBe(false);
    expect(quietHoursEnd(quiet, new Date('2026-03-01T04:00:00Z'))).toEqual(new Date('2026-03-01T11:00:00Z'));
  });

  it('treats equal start and end as no quiet hours and rejects malformed times', () => {
    expect(isQuietTime({ start: '08:00', end: '08:00', utcOffsetMinutes: 0 }, new Date())).toBe(false);
    expect(() => isQuietTime({ start: '25:00', end: '08:00', utcOffsetMinutes: 0 }, new Date())).toThrow(
      RangeError,
    );
  });
});
