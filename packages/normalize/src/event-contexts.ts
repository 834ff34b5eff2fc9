import { isObject, type JsonObject } from './json-value.ts';
import type { ProcessingErrors } from './processing-errors.ts';

/** `contexts` is a map of objects; non-object entries (e.g. `null`) are dropped. */
export function normalizeContexts(value: unknown, errors: ProcessingErrors): JsonObject {
  const contexts: JsonObject = {};
  if (value === undefined || value === null) return contexts;
  if (!isObject(value)) {
    errors.invalid('contexts', value);
    return contexts;
  }
  for (const key of Object.keys(value)) {
    const context = value[key];
    if (isObject(context)) contexts[key] = context;
    else if (context !== null) errors.invalid(`contexts.${key}`, context);
  }
  return contexts;
}

/** "Chrome 120": name plus major version, as the browser tag shows it. */
export function contextTag(context: unknown, majorOnly: boolean): string | null {
  if (!isObject(context) || typeof context.name !== 'string' || !context.name) return null;
  const version = typeof context.version === 'string' ? context.version : '';
  const dot = majorOnly ? version.indexOf('.') : -1;
  const shown = dot === -1 ? version : version.slice(0, dot);
  return shown ? `${context.name} ${shown}` : context.name;
}
