import { coerceString, isObject } from './json-value.ts';
import type { ProcessingErrors } from './processing-errors.ts';

/** Sentry's limits for tag keys and values; longer ones are cut rather than dropped. */
export const MAX_TAG_KEY_LENGTH = 200;
export const MAX_TAG_VALUE_LENGTH = 200;

export type TagPairs = [string, string][];

/** `{k: v}` or `[[k, v], …]` -> `[[k, v], …]` of trimmed, non-empty strings; bad entries are dropped and recorded. */
export function normalizeTags(value: unknown, errors: ProcessingErrors): TagPairs {
  if (value === undefined || value === null) return [];
  const pairs: TagPairs = [];
  if (isObject(value)) {
    for (const key of Object.keys(value)) addTag(pairs, key, value[key], errors);
  } else if (Array.isArray(value)) {
    for (const item of value) {
      if (Array.isArray(item) && item.length === 2) addTag(pairs, item[0], item[1], errors);
      else errors.invalid('tags', item);
    }
  } else {
    errors.invalid('tags', value);
  }
  return pairs;
}

function addTag(pairs: TagPairs, rawKey: unknown, rawValue: unknown, errors: ProcessingErrors): void {
  const key = coerceString(rawKey)?.trim();
  const value = coerceString(rawValue)?.trim();
  if (!key || value === undefined || value === '') {
    errors.invalid(`tags.${String(key ?? rawKey)}`, rawValue);
    return;
  }
  pairs.push([
    key.slice(0, MAX_TAG_KEY_LENGTH),
    value.length > MAX_TAG_VALUE_LENGTH ? value.slice(0, MAX_TAG_VALUE_LENGTH) : value,
  ]);
}
