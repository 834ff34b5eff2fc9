import { createHmac, timingSafeEqual } from 'node:crypto';

export type SlackSignatureCheck = { ok: true } | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

/** Slack's replay window: requests older (or newer) than this are refused. */
export const SLACK_MAX_SKEW_MS = 5 * 60_000;

/**
 * Slack's request signing (v0): `v0=` + hex HMAC-SHA256(signing secret, `v0:{timestamp}:{raw body}`), with
 * the X-Slack-Request-Timestamp header within five minutes of now. Must be given the raw body bytes as sent.
 */
export function verifySlackSignature(
  signingSecret: string,
  timestamp: string | undefined,
  rawBody: string | Buffer,
  signature: string | undefined,
  now: Date,
): SlackSignatureCheck {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature?.startsWith('v0=')) {
    return { ok: false, reason: 'malformed' };
  }
  if (Math.abs(now.getTime() - Number(timestamp) * 1000) > SLACK_MAX_SKEW_MS)
    return { ok: false, reason: 'stale' };
  const expected = createHmac('sha256', signingSecret).update(`v0:${timestamp}:`).update(rawBody).digest();
  const given = Buffer.from(signature.slice(3), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'mismatch' };
  return { ok: true };
}
