import { describe, expect, it } from 'vitest';
import { scrubForPrompt } from './scrub-for-prompt.ts';

describe('scrubForPrompt', () => {
  it.each([
    ['email', 'user jane.doe+test@mail.example.co.uk failed', 'user [REDACTED_EMAIL] failed'],
    ['international phone', 'call +44 20 7946 0958 now', 'call [REDACTED_PHONE] now'],
    [
      'north american phone',
      'tel (415) 555-0100 or 415.555.0199',
      'tel [REDACTED_PHONE] or [REDACTED_PHONE]',
    ],
    ['ipv4', 'from 192.168.1.20.', 'from [REDACTED_IP].'],
    ['ipv6 compressed', 'peer [2001:db8::8a2e:370:7334]:443', 'peer [[REDACTED_IP]]:443'],
    ['ipv6 loopback', 'connect ECONNREFUSED ::1:5432', 'connect ECONNREFUSED [REDACTED_IP]'],
    ['ipv6 full', 'addr 2001:0db8:85a3:0000:0000:8a2e:0370:7334', 'addr [REDACTED_IP]'],
    ['openai key', 'key sk-proj-abcdefghijklmnop1234', 'key [REDACTED_TOKEN]'],
    ['anthropic key', 'sk-ant-api03-AbCdEfGhIjKlMnOpQr', '[REDACTED_TOKEN]'],
    ['github token', 'ghp_0123456789abcdefghijABCDEFGHIJ0123', '[REDACTED_TOKEN]'],
    ['slack token', 'xoxb-1234567890-abcdefghij', '[REDACTED_TOKEN]'],
    ['aws key', 'id AKIAIOSFODNN7EXAMPLE used', 'id [REDACTED_TOKEN] used'],
    ['bearer', 'sent Bearer abc.def-ghi_jkl', 'sent Bearer [REDACTED_TOKEN]'],
  ])('removes a %s', (_name, input, expected) => {
    expect(scrubForPrompt(input)).toBe(expected);
  });

  it('removes a JWT and a private key block', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    const key = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nabc\n-----END RSA PRIVATE KEY-----';
    const out = scrubForPrompt(`token ${jwt}\n${key}\nafter`);
    expect(out).not.toContain('eyJ');
    expect(out).not.toContain('MIIEow');
    expect(out).toContain('[REDACTED_PRIVATE_KEY]\nafter');
  });

  it('removes sensitive field values in key=value, key: value and JSON forms', () => {
    const input = [
      'GET /cb?code=1&api_key=abc123&page=2',
      'password: hunter2',
      '{"user": "bob", "DB_PASSWORD": "p\\"w", "session_id": 42}',
      "{'x-csrf-token': 'zz'}",
      'Authorization: Basic dXNlcjpwYXNz',
    ].join('\n');
    const out = scrubForPrompt(input);
    expect(out).toBe(
      [
        'GET /cb?code=1&api_key=[REDACTED]&page=2',
        'password: [REDACTED]',
        '{"user": "bob", "DB_PASSWORD": "[REDACTED]", "session_id": [REDACTED]}',
        "{'x-csrf-token': '[REDACTED]'}",
        'Authorization: [REDACTED]',
      ].join('\n'),
    );
  });

  it("applies the project's own fields and safe fields", () => {
    const out = scrubForPrompt('iban=DE89 ssn: 123 token=abc', {
      sensitiveFields: ['IBAN', 's-s-n'],
      safeFields: ['token'],
    });
    expect(out).toBe('iban=[REDACTED] ssn: [REDACTED] token=abc');
  });

  it('applies extra patterns, with or without the g flag', () => {
    expect(scrubForPrompt('order ORD-1 and ORD-2', { extraPatterns: [/ORD-\d+/] })).toBe(
      'order [REDACTED] and [REDACTED]',
    );
  });

  it('keeps what only looks like PII: versions, times, line numbers, scopes, URLs', () => {
    const input = [
      'at handler (/app/src/cart.ts:120:15) lodash@4.17.21 node v20.12.0',
      '2024-01-15T10:30:45.123Z took 1234 ms, std::vector and Foo::Bar',
      'see https://example.com/docs?page=2 and id 550e8400-e29b-41d4-a716-446655440000',
    ].join('\n');
    expect(scrubForPrompt(input)).toBe(input);
  });
});
