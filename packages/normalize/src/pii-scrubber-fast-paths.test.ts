import { DEFAULT_SCRUBBING, type ScrubbingSettings } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { scrubPii } from './pii-scrubber.ts';

// The scrubber skips its regexes when a cheap pre-check says a string cannot match, and copies only what
// changed. These cases sit right at the edges of those shortcuts, where a mistake would let PII through.
const on: ScrubbingSettings = DEFAULT_SCRUBBING;

describe('scrubPii fast paths: strings', () => {
  it('finds a 13-digit card in a long string with few other digits', () => {
    const text = `${'lorem ipsum dolor sit amet '.repeat(20)}card 4222222222222 expired`;
    expect(scrubPii(text, on)).toBe(`${'lorem ipsum dolor sit amet '.repeat(20)}card [Filtered] expired`);
    expect(scrubPii('x 4222 2222 2222 2 y', on)).toBe('x [Filtered] y');
    expect(scrubPii('paid 3782-822463-10005 ok', on)).toBe('paid [Filtered] ok');
  });

  it('leaves strings with a 4-digit run but fewer than 13 digits alone', () => {
    expect(scrubPii('since 2024, port 8080, 12 items', on)).toBe('since 2024, port 8080, 12 items');
    expect(scrubPii('4111 1111 1111', on)).toBe('4111 1111 1111');
  });

  it('filters Bearer tokens in any case', () => {
    expect(scrubPii('bEaReR abc.def', on)).toBe('bEaReR [Filtered]');
    expect(scrubPii('BEARER xyz', on)).toBe('BEARER [Filtered]');
    expect(scrubPii('auth: bearer   tok/en+==', on)).toBe('auth: bearer [Filtered]');
  });

  it('filters sensitive key=value pairs with odd casing and separators, not `a = b` code', () => {
    expect(scrubPii('?Pass_Word=x&X-API-KEY=y&page=2', on)).toBe(
      '?Pass_Word=[Filtered]&X-API-KEY=[Filtered]&page=2',
    );
    expect(scrubPii('SESSION-ID=abc', on)).toBe('SESSION-ID=[Filtered]');
    expect(scrubPii('const token = user.token;', on)).toBe('const token = user.token;');
    expect(scrubPii('token= next', on)).toBe('token= next');
    expect(scrubPii('a=1;secret=s', on)).toBe('a=1;secret=[Filtered]');
  });
});

describe('scrubPii fast paths: copy on write', () => {
  it('filters deep values and keys with odd casing without touching the input', () => {
    const input = {
      a: 'same',
      nested: { list: ['ok', { 'X-Auth-TOKEN': 'secret', keep: 1 }], after: 'x' },
      pairs: [['API-Key', 'k']],
    };
    const before = JSON.stringify(input);
    const out = scrubPii(input, on);
    expect(out).toEqual({
      a: 'same',
      nested: { list: ['ok', { 'X-Auth-TOKEN': '[Filtered]', keep: 1 }], after: 'x' },
      pairs: [['API-Key', '[Filtered]']],
    });
    expect(JSON.stringify(input)).toBe(before);
  });

  it('keeps key order when a dropped or changed key comes after unchanged ones', () => {
    const settings = { ...on, scrubIpAddresses: true };
    const out = scrubPii({ id: '1', name: 'n', ip_address: '10.0.0.1', email: 'e', password: 'p' }, settings);
    expect(Object.entries(out)).toEqual([
      ['id', '1'],
      ['name', 'n'],
      ['email', 'e'],
      ['password', '[Filtered]'],
    ]);
  });

  it('gives the same verdict for a key under different settings', () => {
    const safe = { ...on, safeFields: ['session_id'] };
    expect(scrubPii({ session_id: 's' }, on)).toEqual({ session_id: '[Filtered]' });
    expect(scrubPii({ session_id: 's' }, safe)).toEqual({ session_id: 's' });
    expect(scrubPii({ session_id: 's' }, on)).toEqual({ session_id: '[Filtered]' });
  });
});
