/**
 * Milliseconds to wait from a Retry-After value: delta-seconds (fractions allowed, as Discord sends) or an
 * HTTP date. Undefined when absent or unreadable, so callers fall back to their own backoff.
 */
export function parseRetryAfter(value: string | number | null | undefined, now: Date): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const seconds = typeof value === 'number' ? value : Number(value.trim());
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
  const date = Date.parse(String(value));
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}
