import { describe, expect, it } from 'vitest';
import { parseDsn } from './dsn.ts';

describe('parseDsn', () => {
  it('parses a SaaS-style DSN', () => {
    expect(parseDsn('https://e12d836b15bb49d7bbf99e64295d995b@o1.ingest.sentry.io/42')).toEqual({
      publicKey: 'e12d836b15bb49d7bbf99e64295d995b',
      projectId: 42,
      protocol: 'https',
      host: 'o1.ingest.sentry.io',
      path: '',
    });
  });

  it('keeps port and sub-path, ignores the deprecated secret and a trailing slash', () => {
    expect(parseDsn('http://pub:secret@localhost:8000/sentry/7/')).toEqual({
      publicKey: 'pub',
      projectId: 7,
      protocol: 'http',
      host: 'localhost:8000',
      path: '/sentry',
    });
    expect(parseDsn('https://e12d836b15bb49d7bbf99e64295d995b:@sentry.io/42')?.publicKey).toBe(
      'e12d836b15bb49d7bbf99e64295d995b',
    );
  });

  it.each([
    '',
    'not a dsn',
    'https://sentry.io/42',
    'https://key@sentry.io/',
    'https://key@sentry.io/abc',
    'https://key@sentry.io/0',
  ])('returns null for %j', (dsn) => {
    expect(parseDsn(dsn)).toBeNull();
  });
});
