import { describe, expect, it } from 'vitest';
import { scrubSensitiveText } from './scrub-sensitive-text.ts';

describe('scrubSensitiveText', () => {
  it.each([
    ['mail alice.smith+shop@example.co.uk now', 'mail [email] now'],
    ['from 192.168.1.20 and 2001:db8:85a3:0:0:8a2e:370:7334', 'from [ip] and [ip]'],
    ['from fe80::1ff:fe23:4567:890a', 'from [ip]'],
    ['Authorization: Bearer abcDEF123.456-xyz', 'Authorization: Bearer [Filtered]'],
    ['Basic dXNlcjpwYXNzd29yZDEyMw==', 'Basic [Filtered]'],
    ['token ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'token [Filtered]'],
    ['key sk-proj-abcdefghijklmnopqrstuv and AKIAABCDEFGHIJKLMNOP', 'key [Filtered] and [Filtered]'],
    ['jwt eyJhbGciOi.eyJzdWIiOiIx.SflKxwRJSMeKKF2QT4', 'jwt [Filtered]'],
    ['GET /login?user=bob&password=hunter22&x=1', 'GET /login?user=bob&password=[Filtered]&x=1'],
    ['{"api_key": "s3cr3tvalue"}', '{"api_key": "[Filtered]"}'],
    ['postgres://app:s3cret@db.internal:5432/shop', 'postgres://[Filtered]@db.internal:5432/shop'],
  ])('%s', (input, output) => {
    expect(scrubSensitiveText(input)).toBe(output);
  });

  it('keeps commit shas, line numbers, versions and ordinary prose', () => {
    const text =
      'commit 3f2a9c1d0e5b7a8c9d0e1f2a3b4c5d6e7f8a9b0c at src/cart.js:42, version 1.2.3, basic information, invalid token provided';
    expect(scrubSensitiveText(text)).toBe(text);
  });
});
