import { describe, expect, it } from 'vitest';
import { httpFailure } from './http-failure.ts';
import { parseRetryAfter } from './retry-after.ts';

const now = new Date('2026-01-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delta-seconds, fractional seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(1.5, now)).toBe(1500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores absent, negative and unreadable values', () => {
    for (const value of [null, undefined, '', '-5', 'soon'])
      expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe('httpFailure', () => {
  it('retries 429, 408 and 5xx, and never other 4xx', () => {
    expect(httpFailure(429, 'slow', '2', now)).toEqual({
      ok: false,
      retryable: true,
      retryAfterMs: 2000,
      error: 'HTTP 429: slow',
    });
    expect(httpFailure(503, '', null, now)).toEqual({ ok: false, retryable: true, error: 'HTTP 503' });
    expect(httpFailure(408, '', null, now).retryable).toBe(true);
    expect(httpFailure(404, 'no_service', '10', now)).toEqual({
      ok: false,
      retryable: false,
      error: 'HTTP 404: no_service',
    });
  });
});
