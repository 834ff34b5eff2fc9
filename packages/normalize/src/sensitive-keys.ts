import type { ScrubbingSettings } from '@fixloop/core';

/** Sentry's default scrubbed field names (matched as case-insensitive substrings, `-`/`_` ignored). */
export const DEFAULT_SENSITIVE_FIELDS = [
  'password',
  'passwd',
  'secret',
  'api_key',
  'apikey',
  'access_token',
  'auth',
  'token',
  'credentials',
  'authorization',
  'cookie',
  'set-cookie',
  'session',
  'csrf',
  'private_key',
];

const CACHE_LIMIT = 5000;

/** Decides per key whether its value is PII; keys repeat across events, so answers are memoized. */
export class SensitiveKeys {
  private readonly patterns: string[];
  private readonly safe: Set<string>;
  private readonly cache = new Map<string, boolean>();

  constructor(settings: ScrubbingSettings) {
    const extra = settings.extraFields.map(canonicalKey).filter((p) => p.length > 0);
    this.patterns = [...new Set([...DEFAULT_SENSITIVE_FIELDS.map(canonicalKey), ...extra])];
    this.safe = new Set(settings.safeFields.map(canonicalKey));
  }

  isSensitive(key: string): boolean {
    let answer = this.cache.get(key);
    if (answer === undefined) {
      const canonical = canonicalKey(key);
      answer = !this.safe.has(canonical) && this.patterns.some((p) => canonical.includes(p));
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(key, answer);
    }
    return answer;
  }
}

/** `X-Api-Key`, `api_key` and `apiKey` are the same field. */
export function canonicalKey(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}
