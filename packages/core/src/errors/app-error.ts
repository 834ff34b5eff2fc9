/**
 * The one error type of the domain. Codes are mapped to HTTP statuses by the HTTP layer only;
 * domain code never talks about status codes.
 */
export type AppErrorCode =
  | 'bad_request'
  | 'invalid_payload'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unsupported_media'
  | 'unavailable'
  | 'config_invalid'
  | 'internal';

export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
