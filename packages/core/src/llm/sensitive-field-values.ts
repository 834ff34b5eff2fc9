/** Sentry's default sensitive field names, as the ingest scrubber uses them (case-insensitive substrings). */
export const DEFAULT_PROMPT_SENSITIVE_FIELDS: readonly string[] = [
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
  'session',
  'csrf',
  'private_key',
];

const REDACTED = '[REDACTED]';
const QUOTED = String.raw`"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'`;
// An auth scheme belongs to the value: "Authorization: Bearer abc" hides the scheme and the token.
const SCHEME = String.raw`(?:(?:Bearer|Basic|Token|Digest)\s+)?`;
// A value an earlier pattern already replaced ("Bearer [REDACTED_TOKEN]") is taken whole.
const MARKER = String.raw`\[REDACTED\w*\]`;
/** `"password": "x"`, `'token': 5` (JSON, Python and JS literals). */
const QUOTED_KEY = new RegExp(
  String.raw`(["'])([\w.\- ]{1,64})\1(\s*:\s*)(${QUOTED}|${SCHEME}(?:${MARKER}|[^\s,}\]]+))`,
  'g',
);
/** `password=x`, `token: x`, `?api_key=x&…`, `Authorization: Bearer x`. */
const BARE_KEY = new RegExp(
  String.raw`(?<![\w"'-])([A-Za-z_][\w.-]{0,63})(\s*[=:]\s*)(${QUOTED}|${SCHEME}(?:${MARKER}|[^\s,;&}\])"']+))`,
  'g',
);

/** Replaces the values of sensitive keys in key=value, key: value and "key": "value" forms. */
export function redactSensitiveFieldValues(
  text: string,
  fields: readonly string[],
  safeFields: readonly string[] = [],
): string {
  const patterns = [...new Set(fields.map(canonicalKey))].filter((p) => p.length > 0);
  const safe = new Set(safeFields.map(canonicalKey));
  const isSensitive = (key: string) => {
    const canonical = canonicalKey(key);
    return !safe.has(canonical) && patterns.some((p) => canonical.includes(p));
  };
  return text
    .replace(QUOTED_KEY, (match, quote: string, key: string, separator: string, value: string) =>
      isSensitive(key) ? `${quote}${key}${quote}${separator}${redactedLike(value)}` : match,
    )
    .replace(BARE_KEY, (match, key: string, separator: string, value: string) =>
      isSensitive(key) && !value.startsWith('//') ? `${key}${separator}${redactedLike(value)}` : match,
    );
}

/** Keeps the value's quoting so JSON stays JSON after redaction. */
function redactedLike(value: string): string {
  const quote = value[0];
  return quote === '"' || quote === "'" ? `${quote}${REDACTED}${quote}` : REDACTED;
}

/** `X-Api-Key`, `api_key` and `apiKey` are the same field. */
function canonicalKey(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}
