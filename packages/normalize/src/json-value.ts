/** A JSON object as parsed from an SDK payload: keys are arbitrary, values untrusted. */
export type JsonObject = Record<string, unknown>;

/**
 * A shallow copy of a JSON object that stays cheap to add properties to. V8 11 (Node 20) gives a
 * `{ ...object }` copy a hidden class outside the transition tree, so each property later added to it
 * makes a new hidden class and descriptor array instead of reusing a cached transition: ~4x slower per
 * copy, and at ingest rates tens of thousands of dead hidden classes per GC cycle, which made the
 * scavenger promote ~1 MB of per-event objects each time (docs/adr/0003). Keys are copied as own data
 * properties; `__proto__` (JSON.parse makes it an own key) is defined, since assigning it would set the
 * copy's prototype.
 */
export function copyJsonObject(source: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(source)) {
    if (key === '__proto__') {
      Object.defineProperty(out, key, {
        value: source[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else out[key] = source[key];
  }
  return out;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Non-empty string, else null. */
export function nonEmptyString(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Primitives SDKs put where strings belong (numbers, booleans) become strings; anything else is null. */
export function coerceString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return null;
}

export function truncate(value: string, max: number): string {
  return value.length > max ? value.slice(0, max) : value;
}

export function firstLine(value: string): string {
  const nl = value.indexOf('\n');
  return (nl === -1 ? value : value.slice(0, nl)).trim();
}
