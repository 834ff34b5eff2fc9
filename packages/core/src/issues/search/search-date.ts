/** A date as written in a search value: relative to now (`-24h`, `+7d`) or absolute (ISO 8601). */
export type SearchDate =
  { kind: 'relative'; older: boolean; ms: number } | { kind: 'absolute'; at: number; dateOnly: boolean };

const UNIT_MS: Record<string, number> = {
  s: 1_000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};
const RELATIVE = /^([+-]?)(\d+)(s|min|m|h|d|w)$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * `-24h` (within the last 24 hours; the sign may be left out), `+24h` (older than 24 hours), units
 * s, m, h, d, w; or `2024-01-31`, `2024-01-31T10:00:00` (UTC unless an offset is given).
 */
export function parseSearchDate(text: string): SearchDate | null {
  const relative = RELATIVE.exec(text);
  if (relative !== null) {
    const unit = UNIT_MS[relative[3] ?? ''] ?? 0;
    return { kind: 'relative', older: relative[1] === '+', ms: Number(relative[2]) * unit };
  }
  if (DATE_ONLY.test(text)) {
    const at = Date.parse(`${text}T00:00:00Z`);
    return Number.isNaN(at) ? null : { kind: 'absolute', at, dateOnly: true };
  }
  const match = DATE_TIME.exec(text);
  if (match === null) return null;
  const iso = text.replace(' ', 'T') + (match[3] === undefined ? 'Z' : '');
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : { kind: 'absolute', at, dateOnly: false };
}

const NUMBER = /^(\d+(?:\.\d+)?)([kmb])?$/i;
const SUFFIX: Record<string, number> = { k: 1_000, m: 1_000_000, b: 1_000_000_000 };

/** A count: `10`, `1.5k`, `2m`. */
export function parseSearchNumber(text: string): number | null {
  const match = NUMBER.exec(text);
  if (match === null) return null;
  return Math.round(Number(match[1]) * (SUFFIX[(match[2] ?? '').toLowerCase()] ?? 1));
}
