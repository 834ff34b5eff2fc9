import { isObject } from './json-value.ts';
import type { ProcessingErrors } from './processing-errors.ts';

/**
 * Sentry's list interfaces (exception, breadcrumbs, threads) come as `{values: [...]}` or as a bare
 * list. Returns the list, or null when absent; any other shape is recorded under `field` and dropped.
 */
export function unwrapValuesList(value: unknown, field: string, errors: ProcessingErrors): unknown[] | null {
  if (value === undefined || value === null) return null;
  const list = Array.isArray(value) ? value : isObject(value) ? value.values : undefined;
  if (list === null || list === undefined) return null;
  if (!Array.isArray(list)) {
    errors.invalid(field, value);
    return null;
  }
  return list;
}
