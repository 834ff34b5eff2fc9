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

const compiled = new WeakMap<ScrubbingSettings, SensitiveKeys>();

/**
 * Returns a scrubbed copy (the input is not changed): values under sensitive keys become "[Filtered]", and in
 * every string card numbers (Luhn-valid), Bearer tokens and `password=…` pairs are filtered. One pass.
 */
export function scrubPii<T>(value: T, settings: ScrubbingSettings): T {
  if (!settings.enabled) return value;
  let keys = compiled.get(settings);
  if (!keys) {
    keys = new SensitiveKeys(settings);
    compiled.set(settings, keys);
  }
  return scrubNode(value, keys, settings.scrubIpAddresses) as T;
}

function scrubNode(value: unknown, keys: SensitiveKeys, scrubIps: boolean): unknown {
  if (typeof value === 'string') return scrubString(value, keys);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    // [[key, value], …] is how SDKs send headers, cookies and query strings as lists.
    if (value.length === 2 && typeof value[0] === 'string' && keys.isSensitive(value[0])) {
      return [value[0], filterValue(value[1])];
    }
    return value.map((item) => scrubNode(item, keys, scrubIps));
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const child = source[key];
    if (PASS_THROUGH.has(key)) out[key] = child;
    else if (scrubIps && IP_KEYS.has(key)) continue;
    else out[key] = keys.isSensitive(key) ? filterValue(child) : scrubNode(child, keys, scrubIps);
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
  if (text.length < 5) return text;
  let out = text;
  if (/\d{4}/.test(out)) out = out.replace(CARD, scrubCard);
  if (/bearer/i.test(out)) out = out.replace(BEARER, `$1 ${FILTERED}`);
  if (out.includes('=')) {
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
