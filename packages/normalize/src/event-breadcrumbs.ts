import { parseLevel } from './event-level.ts';
import { parseTimestamp } from './event-timestamp.ts';
import { coerceString, copyJsonObject, isObject, type JsonObject } from './json-value.ts';
import type { ProcessingErrors } from './processing-errors.ts';
import { unwrapValuesList } from './values-list.ts';

export const MAX_BREADCRUMBS = 100;

/** `{values}` or a bare list -> `{values}` (oldest first, newest 100 kept); timestamps become epoch seconds. */
export function normalizeBreadcrumbs(
  value: unknown,
  errors: ProcessingErrors,
): { values: JsonObject[] } | null {
  const list = unwrapValuesList(value, 'breadcrumbs', errors);
  if (list === null) return null;
  const start = Math.max(0, list.length - MAX_BREADCRUMBS);
  const values: JsonObject[] = [];
  for (let i = start; i < list.length; i++) {
    const crumb: unknown = list[i];
    if (isObject(crumb)) values.push(normalizeCrumb(crumb, errors));
    else if (crumb !== null) errors.invalid('breadcrumbs.values', crumb);
  }
  return values.length ? { values } : null;
}

function normalizeCrumb(raw: JsonObject, errors: ProcessingErrors): JsonObject {
  const crumb = copyJsonObject(raw);
  const ts = parseTimestamp(raw.timestamp);
  if (ts === null) {
    if (raw.timestamp !== undefined) errors.invalid('breadcrumbs.timestamp', raw.timestamp);
    delete crumb.timestamp;
  } else crumb.timestamp = ts;
  for (const key of ['type', 'category', 'message'] as const) {
    if (raw[key] === undefined || raw[key] === null) continue;
    const text = coerceString(raw[key]);
    if (text === null) {
      errors.invalid(`breadcrumbs.${key}`, raw[key]);
      delete crumb[key];
    } else crumb[key] = text;
  }
  if (raw.level !== undefined) {
    const level = parseLevel(raw.level);
    if (level) crumb.level = level;
    else delete crumb.level;
  }
  if (raw.data !== undefined && raw.data !== null && !isObject(raw.data)) {
    errors.invalid('breadcrumbs.data', raw.data);
    delete crumb.data;
  }
  return crumb;
}
