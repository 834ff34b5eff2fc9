import { AppError } from '@fixloop/core';

/** A 400 naming one body field, shaped like the router's zod validation errors. */
export function fieldError(field: string, message: string): AppError {
  return new AppError('bad_request', `Invalid body field "${field}": ${message}`, {
    fields: { [field]: [message] },
  });
}
