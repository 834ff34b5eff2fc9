/** A non-2xx answer from the Web API, with Sentry's `{detail}` message when the body has one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The endpoint does not exist on this server (yet): pages show their empty state instead of an error. */
  get isMissing(): boolean {
    return this.status === 404 || this.status === 405 || this.status === 501;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
