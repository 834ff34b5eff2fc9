import { fixedClock } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket.ts';

describe('TokenBucket', () => {
  it('allows a burst of requestsPerMinute, then says how long until the next token', () => {
    const clock = fixedClock(new Date('2026-01-01T00:00:00Z'));
    const bucket = new TokenBucket(3, clock);
    expect([bucket.tryTake(), bucket.tryTake(), bucket.tryTake()]).toEqual([0, 0, 0]);
    expect(bucket.tryTake()).toBe(20_000);
  });

  it('refills continuously with time and never above the burst size', () => {
    const clock = fixedClock(new Date('2026-01-01T00:00:00Z'));
    const bucket = new TokenBucket(60, clock);
    for (let i = 0; i < 60; i++) bucket.tryTake();
    expect(bucket.tryTake()).toBe(1000);
    clock.advance(500);
    expect(bucket.tryTake()).toBe(500);
    clock.advance(500);
    expect(bucket.tryTake()).toBe(0);
    clock.advance(3_600_000);
    let taken = 0;
    while (bucket.tryTake() === 0) taken++;
    expect(taken).toBe(60);
  });

  it('ignores a clock that goes backwards', () => {
    const clock = fixedClock(new Date('2026-01-01T00:01:00Z'));
    const bucket = new TokenBucket(1, clock);
    bucket.tryTake();
    clock.set(new Date('2026-01-01T00:00:00Z'));
    expect(bucket.tryTake()).toBe(60_000);
  });
});
