import { describe, expect, it } from 'vitest';
import { normalizeMessageForGrouping } from './message-parameterization.ts';

describe('normalizeMessageForGrouping', () => {
  it.each([
    ['mail foo.bar@example.com now', 'mail <email> now'],
    ['see https://example.com/a?b=1 now', 'see <url> now'],
    ['host api.example.com down', 'host <hostname> down'],
    ['from 127.0.0.1 and ::1', 'from <ip> and <ip>'],
    ['id 88ee7c66-29a9-4a4a-bc26-c72d76c5de14', 'id <uuid>'],
    ['sha da39a3ee5e6b4b0d3255bfef95601890afd80709', 'sha <sha1>'],
    ['md5 d41d8cd98f00b204e9800998ecf8427e', 'md5 <md5>'],
    ['at 2019-04-17T20:29:05Z', 'at <date>'],
    ['took 250ms', 'took <duration>'],
    ['offset 0xfeedbeef', 'offset <hex>'],
    ['rev abc1234 deployed', 'rev <git_sha> deployed'],
    ['time spent 1234.33', 'time spent <float>'],
    ['error 42 and -7', 'error <int> and <int>'],
    ["name='bob' ok", 'name=<quoted_str> ok'],
    ['flag=true', 'flag=<bool>'],
  ])('%s', (input, expected) => {
    expect(normalizeMessageForGrouping(input)).toBe(expected);
  });

  it('keeps the first two non-empty lines and marks the cut', () => {
    expect(normalizeMessageForGrouping('a\n\nb\nc')).toBe('a\nb...');
    expect(normalizeMessageForGrouping('a\nb')).toBe('a\nb');
  });

  it('matches the Sentry fixture for mixed values', () => {
    const raw =
      'Wed Apr 17 22:31:45 2019: foobar.bazblafasel@example.invalid logged in (error 42) time spent 1234.33';
    expect(normalizeMessageForGrouping(raw)).toBe(
      '<date>: <email> logged in (error <int>) time spent <float>',
    );
  });
});
