import { createHmac } from 'node:crypto';

/** `Sentry-Hook-Signature`: hex HMAC-SHA256 of the exact body bytes with the shared secret. */
export function signWebhookBody(secret: string, rawBody: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}
