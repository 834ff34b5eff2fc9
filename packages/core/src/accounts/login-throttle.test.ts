import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.ts';

describe('LoginThrottle', () => {
  it('refuses a key after maxFailures until its window ends', () => {
    const throttle = new LoginThrottle({ maxFailures: 3, windowMs: 60_000 });
    const keys = ['email:a@example.com', 'ip:1.2.3.4'];
    for (let i = 0; i < 3; i += 1) {
      expect(throttle.check(keys, 1000)).toEqual({ allowed: true });
      throttle.recordFailure(keys, 1000);
    }
    expect(throttle.check(keys, 1000)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(throttle.check(['email:a@example.com'], 31_000)).toEqual({
      allowed: false,
      retryAfterSeconds: 30,
    });
    expect(throttle.check(['email:b@example.com'], 1000)).toEqual({ allowed: true });
    expect(throttle.check(keys, 61_000)).toEqual({ allowed: true });
  });

  it('reset clears one key only', () => {
    const throttle = new LoginThrottle({ maxFailures: 1, windowMs: 60_000 });
    throttle.recordFailure(['email:a', 'ip:x'], 0);
    throttle.reset('email:a');
    expect(throttle.check(['email:a'], 0)).toEqual({ allowed: true });
    expect(throttle.check(['ip:x'], 0).allowed).toBe(false);
  });

  it('stays bounded under many distinct keys', () => {
    const throttle = new LoginThrottle({ maxFailures: 1, windowMs: 60_000, maxKeys: 10 });
    for (let i = 0; i < 100; i += 1) throttle.recordFailure([`email:${i}`], i);
    expect(throttle.check(['email:99'], 100).allowed).toBe(false);
    expect(throttle.check(['email:0'], 100).allowed).toBe(true);
  });
});
