import type { DeliveryResult } from '@fixloop/core';

/** Connection-level trouble that may well be gone on the next attempt. */
const TRANSIENT_CODES = new Set([
  'ETIMEDOUT',
  'ECONNECTION',
  'ESOCKET',
  'EDNS',
  'ECONNRESET',
  'ECONNREFUSED',
]);

/**
 * Maps a nodemailer error to a result: SMTP 4xx replies are temporary by definition (RFC 5321), 5xx are
 * permanent; without a reply, network errors are retryable and authentication or envelope errors are not.
 */
export function smtpDeliveryFailure(error: unknown): Extract<DeliveryResult, { ok: false }> {
  const e = (error ?? {}) as {
    code?: unknown;
    responseCode?: unknown;
    response?: unknown;
    message?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const reply =
    typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : 'unknown';
  const detail = `SMTP ${responseCode ?? code ?? 'error'}: ${reply.slice(0, 300)}`;
  if (responseCode !== undefined)
    return { ok: false, retryable: responseCode >= 400 && responseCode < 500, error: detail };
  return { ok: false, retryable: code !== undefined && TRANSIENT_CODES.has(code), error: detail };
}
