import type { ScrubbingSettings } from '@fixloop/core';
import { passesLuhn } from './luhn.ts';
import { SensitiveKeys } from './sensitive-keys.ts';

export const FILTERED = '[Filtered]';

/** Identifiers and SDK metadata that are never PII and must stay intact (e.g. a hex id can look like a card). */
const PASS_THROUGH = new Set([
  'event_id',
  'trace_id',
  'span_id',
  'parent_span_id',
  'replay_id',
  'debug_id',
  'code_id',
  'timestamp',
  'start_timestamp',
  'received',
  'fingerprint',
  'sdk',
  'debug_meta',
  'modules',
]);
const IP_KEYS = new Set(['ip_address', 'REMOTE_ADDR']);

const CARD = /(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])/g;
const BEARER = /\b(bearer)\s+[\w\-.~+/]+=*/gi;
const KEY_VALUE = /(^|[?&;\s])([^=&;?#\s]+)=([^&;#\s]*)/g;
/**
 * One scan that rules out all three string rules for most strings. `[Bb][Ee]…` equals /bearer/i exactly
 * (without the u flag no non-ASCII character folds to ASCII) and is faster than three separate tests.
 */
const MAY_NEED_SCRUBBING = /[0-9][0-9][0-9][0-9]|=[^&;#\s]|[Bb][Ee][Aa][Rr][Ee][Rr]/;
const FOUR_DIGITS = /[0-9]{4}/;
const BEARER_WORD = /[Bb][Ee][Aa][Rr][Ee][Rr]/;
/** Only a non-empty value after `=` can be filtered; `a = b` in source code has none. */
const EQUALS_VALUE = /=[^&;#\s]/;
/** A card number has at least 13 digits; most strings with a 4-digit run (years, ports) have far fewer. */
const THIRTEEN_DIGITS = /^(?:[^0-9]*[0-9]){13}/;

const KEEP = 0;
const PASS = 1;
const DROP = 2;
const FILTER = 3;
type Verdict = typeof KEEP | typeof PASS | typeof DROP | typeof FILTER;
const VERDICT_CACHE_LIMIT = 5000;

/** Per settings: the string rules' key test, plus one memoized verdict per object key. */
class Scrubber {
  readonly keys: SensitiveKeys;
  private readonly scrubIps: boolean;
  private readonly verdicts = new Map<string, Verdict>();

  constructor(settings: ScrubbingSettings) {
    this.keys = new SensitiveKeys(settings);
    this.scrubIps = settings.scrubIpAddresses;
  }

  verdict(key: string): Verdict {
    let verdict = this.verdicts.get(key);
    if (verdict === undefined) {
      if (PASS_THROUGH.has(key)) verdict = PASS;
      else if (this.scrubIps && IP_KEYS.has(key)) verdict = DROP;
      else verdict = this.keys.isSensitive(key) ? FILTER : KEEP;
      if (this.verdicts.size >= VERDICT_CACHE_LIMIT) this.verdicts.clear();
      this.verdicts.set(key, verdict);
    }
    return verdict;
  }
}

const byIdentity = new WeakMap<ScrubbingSettings, Scrubber>();
/**
 * Also by content: an ingest worker thread gets a fresh copy of the settings with every request, and
 * building a Scrubber (empty key caches) for each event cost ~90 µs, two thirds of normalizing it.
 */
const byContent = new Map<string, Scrubber>();
const BY_CONTENT_LIMIT = 64;

function scrubberFor(settings: ScrubbingSettings): Scrubber {
  let scrubber = byIdentity.get(settings);
  if (scrubber) return scrubber;
  const key = JSON.stringify([settings.scrubIpAddresses, settings.extraFields, settings.safeFields]);
  scrubber = byContent.get(key);
  if (!scrubber) {
    if (byContent.size >= BY_CONTENT_LIMIT) byContent.clear();
    scrubber = new Scrubber(settings);
    byContent.set(key, scrubber);
  }
  byIdentity.set(settings, scrubber);
  return scrubber;
}

/**
 * Returns a scrubbed version (the input is not changed): values under sensitive keys become "[Filtered]", and
 * in every string card numbers (Luhn-valid), Bearer tokens and `password=…` pairs are filtered. One pass;
 * objects and arrays are copied only where something changed, so unchanged parts are shared with the input.
 */
export function scrubPii<T>(value: T, settings: ScrubbingSettings): T {
  if (!settings.enabled) return value;
  return scrubNode(value, scrubberFor(settings)) as T;
}

function scrubNode(value: unknown, scrubber: Scrubber): unknown {
  if (typeof value === 'string') return scrubString(value, scrubber.keys);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return scrubArray(value, scrubber);
  return scrubObject(value as Record<string, unknown>, scrubber);
}

function scrubArray(list: unknown[], scrubber: Scrubber): unknown[] {
  // [[key, value], …] is how SDKs send headers, cookies and query strings as lists.
  if (list.length === 2 && typeof list[0] === 'string' && scrubber.keys.isSensitive(list[0])) {
    return [list[0], filterValue(list[1])];
  }
  let out: unknown[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const next = scrubNode(item, scrubber);
    if (out) out.push(next);
    else if (next !== item) {
      out = list.slice(0, i);
      out.push(next);
    }
  }
  return out ?? list;
}

function scrubObject(source: Record<string, unknown>, scrubber: Scrubber): Record<string, unknown> {
  // Typed arrays, dates and the like were always turned into plain objects; keep doing so.
  if (Object.getPrototypeOf(source) !== Object.prototype) return scrubCopy(source, scrubber);
  let out: Record<string, unknown> | null = null;
  // for-in equals Object.keys on a plain object (no inherited enumerable keys) and allocates nothing.
  for (const key in source) {
    const child = source[key];
    const verdict = scrubber.verdict(key);
    if (verdict === DROP) {
      out ??= copyBefore(source, key);
      continue;
    }
    const next =
      verdict === PASS ? child : verdict === FILTER ? filterValue(child) : scrubNode(child, scrubber);
    if (out) out[key] = next;
    else if (next !== child) {
      out = copyBefore(source, key);
      out[key] = next;
    }
  }
  return out ?? source;
}

/** A plain copy of the keys before `stop`: what came before the first change, as is. */
function copyBefore(source: Record<string, unknown>, stop: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in source) {
    if (key === stop) break;
    out[key] = source[key];
  }
  return out;
}

function scrubCopy(source: Record<string, unknown>, scrubber: Scrubber): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const child = source[key];
    const verdict = scrubber.verdict(key);
    if (verdict === DROP) continue;
    out[key] =
      verdict === PASS ? child : verdict === FILTER ? filterValue(child) : scrubNode(child, scrubber);
  }
  return out;
}

/** Under a sensitive key every leaf is filtered, but names stay visible (which cookies were sent, say). */
function filterValue(value: unknown): unknown {
  if (value === null || value === undefined || value === '' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    if (value.length === 2 && typeof value[0] === 'string') return [value[0], filterValue(value[1])];
    return value.map(filterValue);
  }
  if (typeof value !== 'object') return FILTERED;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = filterValue((value as Record<string, unknown>)[key]);
  return out;
}

export function scrubString(text: string, keys: SensitiveKeys): string {
  if (text.length < 5 || !MAY_NEED_SCRUBBING.test(text)) return text;
  let out = text;
  if (FOUR_DIGITS.test(out) && THIRTEEN_DIGITS.test(out)) out = out.replace(CARD, scrubCard);
  if (BEARER_WORD.test(out)) out = out.replace(BEARER, `$1 ${FILTERED}`);
  if (EQUALS_VALUE.test(out)) {
    out = out.replace(KEY_VALUE, (whole, lead: string, key: string, val: string) =>
      val && val !== FILTERED && keys.isSensitive(key) ? `${lead}${key}=${FILTERED}` : whole,
    );
  }
  return out;
}

function scrubCard(match: string): string {
  const digits = match.replace(/[ -]/g, '');
  return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits) ? FILTERED : match;
}
