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

/** Date#toISOString costs ~0.7 µs; timelines format one per entry. Years 0000-9999 are formatted here. */
const MS_PER_DAY = 86_400_000;
const YEAR_10000_MS = 253_402_300_800_000;
let cachedDay = Number.NaN;
let cachedDayPrefix = '';

export function epochToIso(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  if (!(ms >= 0 && ms < YEAR_10000_MS)) return new Date(ms).toISOString();
  const day = Math.floor(ms / MS_PER_DAY);
  if (day !== cachedDay) {
    cachedDayPrefix = new Date(day * MS_PER_DAY).toISOString().slice(0, 11);
    cachedDay = day;
  }
  let rest = ms - day * MS_PER_DAY;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const secs = rest % 60;
  rest = (rest - secs) / 60;
  const mins = rest % 60;
  const hours = (rest - mins) / 60;
  return `${cachedDayPrefix}${pad2(hours)}:${pad2(mins)}:${pad2(secs)}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : `${value}`;
}
