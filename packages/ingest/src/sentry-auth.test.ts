import { describe, expect, it } from 'vitest';
import { AppError } from '@fixloop/core';
import { extractSentryAuth } from './sentry-auth.ts';

const KEY = 'e12d836b15bb49d7bbf99e64295d995b';
const OTHER = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';

function authError(input: Parameters<typeof extractSentryAuth>[0]): AppError {
  try {
    extractSentryAuth(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected extractSentryAuth to throw');
}

describe('extractSentryAuth: sources', () => {
  it('X-Sentry-Auth as sentry-python sends it', () => {
    const auth = extractSentryAuth({
      headers: {
        'x-sentry-auth': `Sentry sentry_key=${KEY}, sentry_version=7, sentry_client=sentry.python/1.9.0`,
      },
      query: {},
    });
    expect(auth).toEqual({
      publicKey: KEY,
      source: 'x-sentry-auth',
      client: 'sentry.python/1.9.0',
      version: 7,
      dsnProjectId: null,
    });
  });

  it('X-Sentry-Auth: case-insensitive prefix, secret ignored, legacy keys without sentry_ prefix', () => {
    const auth = extractSentryAuth({
      headers: {
        'x-sentry-auth': `sentry sentry_version=7,sentry_key=${KEY},sentry_secret=shh, sentry_timestamp=1`,
      },
      query: {},
    });
    expect(auth.publicKey).toBe(KEY);
    const legacy = extractSentryAuth({
      headers: { 'x-sentry-auth': `Sentry key=${KEY}, version=6` },
      query: {},
    });
    expect([legacy.publicKey, legacy.version]).toEqual([KEY, 6]);
  });

  it('Authorization: Sentry ...', () => {
    const auth = extractSentryAuth({
      headers: { authorization: `Sentry sentry_key=${KEY}, sentry_version=7` },
      query: {},
    });
    expect([auth.source, auth.publicKey, auth.version]).toEqual(['authorization', KEY, 7]);
  });

  it('Authorization: Basic base64("<key>:")', () => {
    const basic = Buffer.from(`${KEY}:`).toString('base64');
    const auth = extractSentryAuth({ headers: { authorization: `Basic ${basic}` }, query: {} });
    expect([auth.source, auth.publicKey, auth.client, auth.version]).toEqual(['basic', KEY, null, null]);
  });

  it('query string as @sentry/browser and @sentry/node send it', () => {
    const auth = extractSentryAuth({
      headers: {},
      query: { sentry_version: '7', sentry_key: KEY, sentry_client: 'sentry.javascript.node/11.12.0' },
    });
    expect(auth).toEqual({
      publicKey: KEY,
      source: 'query',
      client: 'sentry.javascript.node/11.12.0',
      version: 7,
      dsnProjectId: null,
    });
  });

  it('envelope header dsn (tunnels), including its project id', () => {
    const auth = extractSentryAuth({
      headers: {},
      query: {},
      envelopeDsn: `https://${KEY}@o1.ingest.example.com/42`,
    });
    expect([auth.source, auth.publicKey, auth.dsnProjectId]).toEqual(['dsn', KEY, 42]);
  });

  it('array-valued query and header values use the first entry', () => {
    const auth = extractSentryAuth({ headers: {}, query: { sentry_key: [KEY, KEY] } });
    expect(auth.publicKey).toBe(KEY);
  });
});

describe('extractSentryAuth: precedence and conflicts', () => {
  it('the same key in several sources is fine; the first source in Relay order wins', () => {
    const basic = Buffer.from(`${KEY}:`).toString('base64');
    const auth = extractSentryAuth({
      headers: { 'x-sentry-auth': `Sentry sentry_key=${KEY}`, authorization: `Basic ${basic}` },
      query: { sentry_key: KEY, sentry_version: '7', sentry_client: 'c/1' },
      envelopeDsn: `https://${KEY}@h/42`,
    });
    expect(auth.source).toBe('x-sentry-auth');
    // version and client come from wherever they were given
    expect([auth.version, auth.client]).toEqual([7, 'c/1']);
    expect(auth.dsnProjectId).toBe(42);
  });

  it('query wins over the envelope dsn', () => {
    const auth = extractSentryAuth({
      headers: {},
      query: { sentry_key: KEY },
      envelopeDsn: `https://${KEY}@h/1`,
    });
    expect(auth.source).toBe('query');
  });

  it.each([
    [{ headers: { 'x-sentry-auth': `Sentry sentry_key=${KEY}` }, query: { sentry_key: OTHER } }],
    [{ headers: { authorization: `Sentry sentry_key=${OTHER}` }, query: { sentry_key: KEY } }],
    [{ headers: {}, query: { sentry_key: KEY }, envelopeDsn: `https://${OTHER}@h/42` }],
  ])('different keys -> multiple authorization payloads detected', (input) => {
    const error = authError(input);
    expect(error.code).toBe('unauthenticated');
    expect(error.message).toBe('multiple authorization payloads detected');
  });

  it('no source -> missing authorization information', () => {
    for (const input of [
      { headers: {}, query: {} },
      { headers: { authorization: 'Bearer abc' }, query: { sentry_version: '7' } },
      { headers: { 'x-sentry-auth': 'Sentry sentry_version=7' }, query: {}, envelopeDsn: null },
    ]) {
      const error = authError(input);
      expect(error.code).toBe('unauthenticated');
      expect(error.message).toBe('missing authorization information');
    }
  });

  it('an unparseable envelope dsn as the only source is reported', () => {
    expect(authError({ headers: {}, query: {}, envelopeDsn: 'not a dsn' }).message).toBe(
      'invalid dsn in envelope header',
    );
  });

  it('sentry_version above 8 -> bad_request', () => {
    const error = authError({ headers: {}, query: { sentry_key: KEY, sentry_version: '9' } });
    expect(error.code).toBe('bad_request');
    expect(error.message).toBe('unsupported protocol version');
    expect(extractSentryAuth({ headers: {}, query: { sentry_key: KEY, sentry_version: '8' } }).version).toBe(
      8,
    );
  });
});
