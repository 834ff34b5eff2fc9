import type { ProcessingError } from '@fixloop/core';

/** Collects what normalization dropped or fixed, so the event keeps a record of it (Sentry's `errors`). */
export class ProcessingErrors {
  readonly list: ProcessingError[] = [];

  invalid(name: string, value: unknown): void {
    this.list.push({ type: 'invalid_data', name, value: preview(value) });
  }

  add(error: ProcessingError): void {
    this.list.push(error);
  }
}

/** Large wrong-typed values must not bloat the stored event: keep a short preview only. */
function preview(value: unknown): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  return Array.isArray(value) ? '<array>' : `<${typeof value}>`;
}
