import { coerceString, copyJsonObject, isObject, type JsonObject } from './json-value.ts';
import type { ProcessingErrors } from './processing-errors.ts';

/** headers as `{k: v}`, `{k: [v, …]}` or `[[k, v], …]` -> `{k: v}`; cookies / query_string / data are kept as sent. */
export function normalizeRequest(value: unknown, errors: ProcessingErrors): JsonObject | null {
  if (value === undefined || value === null) return null;
  if (!isObject(value)) {
    errors.invalid('request', value);
    return null;
  }
  const request = copyJsonObject(value);
  if (value.headers !== undefined && value.headers !== null) {
    request.headers = normalizeHeaders(value.headers, errors);
  }
  for (const key of ['url', 'method', 'fragment'] as const) {
    if (value[key] === undefined || value[key] === null) continue;
    const text = coerceString(value[key]);
    if (text === null) {
      errors.invalid(`request.${key}`, value[key]);
      delete request[key];
    } else request[key] = key === 'method' ? text.toUpperCase() : text;
  }
  return request;
}

function normalizeHeaders(value: unknown, errors: ProcessingErrors): Record<string, string> {
  const headers: Record<string, string> = {};
  const add = (key: unknown, raw: unknown): void => {
    const name = coerceString(key);
    const text = Array.isArray(raw) ? joinValues(raw) : coerceString(raw);
    if (name && text !== null) headers[name] = headers[name] ? `${headers[name]}, ${text}` : text;
    else errors.invalid(`request.headers.${String(name)}`, raw);
  };
  if (isObject(value)) for (const key of Object.keys(value)) add(key, value[key]);
  else if (Array.isArray(value)) {
    for (const pair of value) {
      if (Array.isArray(pair) && pair.length === 2) add(pair[0], pair[1]);
      else errors.invalid('request.headers', pair);
    }
  } else errors.invalid('request.headers', value);
  return headers;
}

function joinValues(values: unknown[]): string | null {
  const parts = values.map(coerceString).filter((v): v is string => v !== null);
  return parts.length ? parts.join(', ') : null;
}

/** Case-insensitive header lookup on normalized headers. */
export function headerValue(request: JsonObject | null, name: string): string | null {
  const headers = request?.headers;
  if (!isObject(headers)) return null;
  const wanted = name.toLowerCase();
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === wanted) return typeof headers[key] === 'string' ? headers[key] : null;
  }
  return null;
}
