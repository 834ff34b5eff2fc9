/** ISO 8601 / RFC 3339 with optional fraction (any precision) and optional zone; naive means UTC. */
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}:?\d{2}|[+-]\d{2})?$/;

/** Epoch seconds (float) from an RFC 3339 string, a numeric string or a number; null when unusable. */
export function parseTimestamp(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? normalizeEpoch(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return normalizeEpoch(Number(text));
  const m = RFC3339.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (!Number.isFinite(ms)) return null;
  const fraction = frac ? Number(`0.${frac}`) : 0;
  return ms / 1000 + fraction - zoneOffsetSeconds(zone);
}

/** Some SDKs send milliseconds; epoch seconds this large are far past year 5000. */
function normalizeEpoch(value: number): number {
  return value > 1e11 ? value / 1000 : value;
}

function zoneOffsetSeconds(zone: string | undefined): number {
  if (!zone || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  return sign * (hours * 3600 + minutes * 60);
}

export function epochToDate(seconds: number): Date {
  return new Date(Math.round(seconds * 1000));
}

export function epochToIso(seconds: number): string {
  return epochToDate(seconds).toISOString();
}
