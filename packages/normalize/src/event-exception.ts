import { coerceString, copyJsonObject, isObject, type JsonObject } from './json-value.ts';
import { defaultInApp } from './frame-in-app.ts';
import type { ProcessingErrors } from './processing-errors.ts';
import { unwrapValuesList } from './values-list.ts';

/** `{values: [...]}` or a bare list -> `{values: [...]}` of objects; null values and bad frames are dropped. */
export function normalizeException(
  value: unknown,
  errors: ProcessingErrors,
): { values: JsonObject[] } | null {
  const list = unwrapValuesList(value, 'exception', errors);
  if (list === null) return null;
  const values: JsonObject[] = [];
  for (const item of list) {
    if (item === null) continue;
    if (!isObject(item)) errors.invalid('exception.values', item);
    else values.push(normalizeExceptionValue(item, errors));
  }
  return values.length ? { values } : null;
}

function normalizeExceptionValue(raw: JsonObject, errors: ProcessingErrors): JsonObject {
  const out = copyJsonObject(raw);
  for (const key of ['type', 'value', 'module'] as const) {
    if (raw[key] === undefined || raw[key] === null) continue;
    const text = coerceString(raw[key]);
    if (text === null) {
      errors.invalid(`exception.${key}`, raw[key]);
      delete out[key];
    } else out[key] = text;
  }
  // null means "absent" (sentry-python 1.x sends mechanism: null), as in Relay; only other types are errors.
  if (raw.mechanism === null) delete out.mechanism;
  else if (raw.mechanism !== undefined && !isObject(raw.mechanism)) {
    errors.invalid('exception.mechanism', raw.mechanism);
    delete out.mechanism;
  }
  for (const key of ['stacktrace', 'raw_stacktrace'] as const) {
    const stacktrace = normalizeStacktrace(raw[key], errors);
    if (stacktrace) out[key] = stacktrace;
    else delete out[key];
  }
  return out;
}

/** Also used for threads. `frames: null` (seen in the wild) means "no frames", not an error. */
export function normalizeStacktrace(value: unknown, errors: ProcessingErrors): JsonObject | null {
  if (value === undefined || value === null) return null;
  if (!isObject(value)) {
    errors.invalid('stacktrace', value);
    return null;
  }
  if (value.frames === null || value.frames === undefined) return { ...value, frames: [] };
  if (!Array.isArray(value.frames)) {
    errors.invalid('stacktrace.frames', value.frames);
    return { ...value, frames: [] };
  }
  const frames: JsonObject[] = [];
  for (const frame of value.frames) {
    if (isObject(frame)) frames.push(normalizeFrame(frame));
    else if (frame !== null) errors.invalid('stacktrace.frames', frame);
  }
  return { ...value, frames };
}

function normalizeFrame(frame: JsonObject): JsonObject {
  if (typeof frame.in_app === 'boolean') return frame;
  const out = copyJsonObject(frame);
  const inApp = defaultInApp(frame);
  if (inApp === null) delete out.in_app;
  else out.in_app = inApp;
  return out;
}

/** The exception that names the event: Sentry takes the last (newest) value. */
export function mainException(event: JsonObject): JsonObject | null {
  const exception = event.exception;
  if (!isObject(exception) || !Array.isArray(exception.values)) return null;
  const last: unknown = exception.values[exception.values.length - 1];
  return isObject(last) ? last : null;
}

export function framesOf(exception: JsonObject | null): JsonObject[] {
  const stacktrace = exception?.stacktrace;
  if (!isObject(stacktrace) || !Array.isArray(stacktrace.frames)) return [];
  return stacktrace.frames.filter(isObject);
}
