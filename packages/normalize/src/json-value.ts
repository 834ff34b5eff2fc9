/** A JSON object as parsed from an SDK payload: keys are arbitrary, values untrusted. */
export type JsonObject = Record<string, unknown>;

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
