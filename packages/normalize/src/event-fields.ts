import type { EventType } from '@fixloop/core';
import { coerceString, isObject, type JsonObject } from './json-value.ts';
import type { ProcessingErrors } from './processing-errors.ts';

/** Relay's VALID_PLATFORMS: anything else is stored as `other`. */
const PLATFORMS = new Set([
  'as3',
  'c',
  'cfml',
  'cocoa',
  'csharp',
  'elixir',
  'haskell',
  'go',
  'groovy',
  'java',
  'javascript',
  'native',
  'node',
  'objc',
  'other',
  'perl',
  'php',
  'python',
  'ruby',
]);
const GIVEN_TYPES = new Set<EventType>(['csp', 'hpkp', 'expectct', 'expectstaple', 'feedback']);

export function normalizePlatform(value: unknown, errors: ProcessingErrors): string {
  if (typeof value !== 'string') {
    if (value !== undefined && value !== null) errors.invalid('platform', value);
    return 'other';
  }
  const platform = value.trim().toLowerCase();
  return PLATFORMS.has(platform) ? platform : 'other';
}

/** Security reports and feedback keep their type; everything else is `error` with an exception, else `default`. */
export function eventType(value: unknown, hasException: boolean): EventType {
  if (typeof value === 'string' && GIVEN_TYPES.has(value as EventType)) return value as EventType;
  return hasException ? 'error' : 'default';
}

/** Optional string fields: numbers are accepted as strings, other types dropped and recorded. */
export function normalizeStringFields(
  out: JsonObject,
  keys: readonly string[],
  errors: ProcessingErrors,
): void {
  for (const key of keys) {
    const value = out[key];
    if (value === undefined) continue;
    const text = value === null ? null : coerceString(value)?.trim();
    if (text) out[key] = text;
    else {
      if (value !== null && value !== '') errors.invalid(key, value);
      delete out[key];
    }
  }
}

export function normalizeObjectField(out: JsonObject, key: string, errors: ProcessingErrors): void {
  const value = out[key];
  if (value === undefined || isObject(value)) return;
  if (value !== null) errors.invalid(key, value);
  delete out[key];
}

export function normalizeFingerprint(value: unknown, errors: ProcessingErrors): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) {
    errors.invalid('fingerprint', value);
    return null;
  }
  const parts = value.map(coerceString).filter((v): v is string => v !== null);
  if (parts.length !== value.length) errors.invalid('fingerprint', value);
  return parts.length ? parts : null;
}
