import { AppError } from '@fixloop/core';
import type { AppErrorCode } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { errorResponse } from './error-response.ts';

describe('errorResponse', () => {
  it.each([
    ['bad_request', 400],
    ['invalid_payload', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['payload_too_large', 413],
    ['rate_limited', 429],
    ['unavailable', 503],
    ['config_invalid', 500],
    ['internal', 500],
  ] as [AppErrorCode, number][])('maps %s to %d', (code, status) => {
    expect(errorResponse(new AppError(code, 'msg')).status).toBe(status);
  });

  it('keeps the message of client errors and hides that of server errors', () => {
    expect(errorResponse(new AppError('forbidden', 'nope')).detail).toBe('nope');
    expect(errorResponse(new AppError('internal', 'db password is x')).detail).toBe('internal server error');
    expect(errorResponse(new Error('boom')).detail).toBe('internal server error');
  });

  it('carries retryAfter and keeps Fastify 4xx statuses', () => {
    expect(errorResponse(new AppError('unavailable', 'full', { retryAfter: 1 })).retryAfter).toBe(1);
    expect(errorResponse(Object.assign(new Error('too big'), { statusCode: 413 })).status).toBe(413);
    expect(errorResponse(Object.assign(new Error('x'), { statusCode: 502 })).status).toBe(500);
  });
});
