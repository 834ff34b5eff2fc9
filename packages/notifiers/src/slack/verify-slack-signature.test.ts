import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifySlackSignature } from './verify-slack-signature.ts';

const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const timestamp = '1767265200';
const now = new Date(Number(timestamp) * 1000 + 60_000);
const body = 'payload=%7B%22type%22%3A%22block_actions%22%7D';
const sign = (ts: string, raw: string, key = secret) =>
  `v0=${createHmac('sha256', key).update(`v0:${ts}:${raw}`).digest('hex')}`;

describe('verifySlackSignature', () => {
  it('accepts a request signed with the signing secret, as a string or raw bytes', () => {
    expect(verifySlackSignature(secret, timestamp, body, sign(timestamp, body), now)).toEqual({ ok: true });
    expect(verifySlackSignature(secret, timestamp, Buffer.from(body), sign(timestamp, body), now)).toEqual({
      ok: true,
    });
  });

  it('rejects a tampered body, another secret, or a changed timestamp', () => {
    const signature = sign(timestamp, body);
    expect(verifySlackSignature(secret, timestamp, `${body}x`, signature, now)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySlackSignature('another-secret', timestamp, body, signature, now)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySlackSignature(secret, '1767265201', body, signature, now)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySlackSignature(secret, timestamp, body, 'v0=abcd', now)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('rejects a request older or newer than five minutes (replay)', () => {
    const signature = sign(timestamp, body);
    const at = (offsetMs: number) => new Date(Number(timestamp) * 1000 + offsetMs);
    expect(verifySlackSignature(secret, timestamp, body, signature, at(300_000)).ok).toBe(true);
    expect(verifySlackSignature(secret, timestamp, body, signature, at(300_001))).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(verifySlackSignature(secret, timestamp, body, signature, at(-300_001))).toEqual({
      ok: false,
      reason: 'stale',
    });
  });

  it('rejects missing or malformed headers', () => {
    expect(verifySlackSignature(secret, undefined, body, sign(timestamp, body), now).ok).toBe(false);
    expect(verifySlackSignature(secret, 'abc', body, sign(timestamp, body), now)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(verifySlackSignature(secret, timestamp, body, 'sha256=00', now)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
});
