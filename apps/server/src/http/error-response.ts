import { isAppError } from '@fixloop/core';
import type { AppErrorCode } from '@fixloop/core';

const STATUS_BY_CODE: Partial<Record<AppErrorCode, number>> = {
  bad_request: 400,
  invalid_payload: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media: 415,
  rate_limited: 429,
  unavailable: 503,
};

export interface ErrorResponse {
  status: number;
  detail: string;
  /** Seconds, for 429 and 503. */
  retryAfter: number | null;
  /** Per-field validation messages of a 400, keyed by dotted path. */
  fields?: Record<string, string[]>;
}

/**
 * The one place that turns errors into HTTP statuses. AppErrors map by code; Fastify's own errors
 * (body too large, bad content length) keep their 4xx status; anything else is a 500 whose message
 * is not leaked.
 */
export function errorResponse(error: unknown): ErrorResponse {
  if (isAppError(error)) {
    const status = STATUS_BY_CODE[error.code] ?? 500;
    const retryAfter = typeof error.details['retryAfter'] === 'number' ? error.details['retryAfter'] : null;
    const fields = error.details['fields'] as Record<string, string[]> | undefined;
    return {
      status,
      detail: status === 500 ? 'internal server error' : error.message,
      retryAfter,
      ...(fields === undefined ? {} : { fields }),
    };
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const detail = status === 413 ? 'request body exceeded size limit' : (error as Error).message;
    return { status, detail, retryAfter: null };
  }
  return { status: 500, detail: 'internal server error', retryAfter: null };
}
