/**
 * Message normalization for grouping, modelled on Sentry's `normalize_message_for_grouping` and its
 * parameterization regexes (one alternation; at each position the first pattern in priority order
 * wins). Differences from Python: `\d`, `\w` and `\b` are ASCII-only here.
 */
import { BoundedLru } from './bounded-lru.ts';

const DAY = 'Sun|Mon|Tue|Wed|Thu|Fri|Sat';
const MON = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
const ZONE = '(?:UT|GMT|(?:E|C|M|P)(?:ST|DT)|[A-IK-Z])';
const V4PART = '(?:25[0-5]|(?:2[0-4]|1{0,1}[0-9]){0,1}[0-9])';
const V4 = String.raw`(?:${V4PART}\.){3,3}${V4PART}`;
const H = '[0-9a-fA-F]';
const TLDS =
  'com|net|org|jp|de|uk|fr|br|it|ru|es|me|gov|pl|ca|au|cn|co|in|nl|edu|info|eu|ch|id|at|kr|cz|mx|be|tv|se|tr|tw|al|ua|ir|vn|cl|sk|ly|cc|to|no|fi|us|pt|dk|ar|hu|tk|gr|il|news|ro|my|biz|ie|za|nz|sg|ee|th|io|xyz|pe|bg|hk|rs|lt|link|ph|club|si|site|mobi|by|cat|wiki|la|ga|xxx|cf|hr|ng|jobs|online|kz|ug|gq|ae|is|lv|pro|fm|tips|ms|sa|app';

const IPV6 = [
  String.raw`(?:${H}{1,4}:){7,7}${H}{1,4}`,
  String.raw`(?:${H}{1,4}:){1,7}:`,
  String.raw`(?:${H}{1,4}:){1,6}:${H}{1,4}`,
  String.raw`(?:${H}{1,4}:){1,5}(?::${H}{1,4}){1,2}`,
  String.raw`(?:${H}{1,4}:){1,4}(?::${H}{1,4}){1,3}`,
  String.raw`(?:${H}{1,4}:){1,3}(?::${H}{1,4}){1,4}`,
  String.raw`(?:${H}{1,4}:){1,2}(?::${H}{1,4}){1,5}`,
  String.raw`${H}{1,4}:(?:(?::${H}{1,4}){1,6})`,
  String.raw`:(?:(?::${H}{1,4}){1,7}|:)`,
  String.raw`fe80:(?::${H}{0,4}){0,4}%[0-9a-zA-Z]{1,}`,
  String.raw`::(?:ffff(?::0{1,4}){0,1}:){0,1}${V4}`,
  String.raw`(?:${H}{1,4}:){1,4}:${V4}\b`,
].join('|');

const DATE = [
  String.raw`(?:${DAY}),\s\d{1,2}\s(?:${MON})\s\d{2,4}\s\d{1,2}:\d{1,2}(?::\d{1,2})?\s(?:[-+]\d{2}[0-5]\d|${ZONE})`,
  String.raw`(?:(?:${DAY})\s)?(?:${MON})\s[0-3]\d,\s\d{2,4}`,
  String.raw`(?:Sun|Sunday|Mon|Monday|Tue|Tuesday|Wed|Wednesday|Thu|Thursday|Fri|Friday|Sat|Saturday),\s\d{2}-(?:${MON})-\d{2}\s\d{2}:\d{2}:\d{2}\s${ZONE}`,
  String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z?(?:[+-]?\d{2}:\d{2})?`,
  String.raw`(?:${DAY})\s(?:${MON})\s\d{2}\s\d{4}\s\d{2}:\d{2}:\d{2}\sGMT[+-]\d{4}(?:\s\([^)]+\))?`,
  String.raw`\d{4}-?[01]\d-?[0-3]\d[\sT][0-2]\d:?[0-5]\d:?[0-5]\d\.\d+(?:[+-][0-2]\d:?[0-5]\d|Z)`,
  String.raw`\d{4}-?[01]\d-?[0-3]\d[\sT][0-2]\d:?[0-5]\d:?[0-5]\d(?:[+-][0-2]\d:?[0-5]\d|Z)`,
  String.raw`\d{4}-?[01]\d-?[0-3]\d[\sT][0-2]\d:?[0-5]\d(?:[+-][0-2]\d:?[0-5]\d|Z)`,
  String.raw`\d{4}-?[01]\d-?[0-3]\d[\sT][0-2]\d:?[0-5]\d:?[0-5]\d\.\d+`,
  String.raw`\d{4}-?[01]\d-?[0-3]\d[\sT][0-2]\d:?[0-5]\d:?[0-5]\d`,
  String.raw`\d{4}-?[01]\d-?[0-3]\d[\sT][0-2]\d:?[0-5]\d`,
  String.raw`(?<!\d)(?:[1-9]|1[0-2]):[0-5]\d(?::[0-5]\d)?(?![\d:])(?:\s?[aApP][Mm])?`,
  String.raw`(?<!\d)(?:0?\d|1\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d:])`,
  String.raw`\d{4}-[01]\d-[0-3]\d`,
  String.raw`[0-2]\d:[0-5]\d:[0-5]\d`,
  String.raw`\b(?:(?:${DAY})\s+)?(?:${MON})\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\s+\d{4}`,
  String.raw`\b(?:(?:${DAY}),\s+)?(?:0[1-9]|[1-2]?\d|3[01])\s+(?:${MON})\s+(?:19\d{2}|[2-9]\d{3})\s+(?:2[0-3]|[0-1]\d):[0-5]\d(?::(?:60|[0-5]\d))?\s+(?:[-+]\d{2}[0-5]\d|${ZONE})`,
  String.raw`datetime.datetime\(.*?\)`,
].join('|');

/** [name, pattern, lookbehind] in Sentry's priority order. */
const PATTERNS: readonly (readonly [string, string, string?])[] = [
  ['email', String.raw`[a-zA-Z0-9.!#$%&'*+/=?^_\x60{|}~-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*`],
  ['url', String.raw`\b(?:wss?|https?|ftp):\/\/[^\s/$.?#].[^\s]*`],
  ['hostname', String.raw`\b(?:[a-zA-Z0-9-]{1,63}\.)+?(?:${TLDS.toUpperCase()}|${TLDS})\b`],
  ['ip', String.raw`(?<![0-9a-zA-Z_])(?:${IPV6})(?![0-9a-zA-Z])|\b${V4}\b`],
  ['traceparent', String.raw`\b00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]\b|\b1-[0-9a-f]{8}-[0-9a-f]{24}\b`],
  ['uuid', String.raw`\b${H}{8}-${H}{4}-${H}{4}-${H}{4}-${H}{12}\b`],
  ['sha1', String.raw`\b${H}{40}\b`],
  ['md5', String.raw`\b${H}{32}\b`],
  ['date', DATE],
  ['duration', String.raw`\b\d+ms|\d+(?:\.\d+)?s\b`],
  ['swift_txn_id', String.raw`\btx[0-9a-f]{21}-[0-9a-f]{10}\S*`],
  ['hex', String.raw`\b0[xX]${H}+\b|\b(?=[a-f]*[0-9])[0-9a-f]{8,128}\b|\b(?=[A-F]*[0-9])[0-9A-F]{8,128}\b`],
  ['git_sha', String.raw`\b(?=[a-f]*[0-9])(?=[0-9]*[a-f])[0-9a-f]{7}\b`],
  ['float', String.raw`-\d+\.\d+\b|\b\d+\.\d+\b`],
  ['int', String.raw`(?:\b|(?<!\w)-)\d{1,7}\b`],
  ['quoted_str', String.raw`'[^']+'|"[^"]+"`, '='],
  ['bool', 'True|true|False|false', '='],
];

const NAMES = PATTERNS.map(([name]) => name);
const COMBINED = new RegExp(
  PATTERNS.map(([name, pattern, behind]) => `${behind ? `(?<=${behind})` : ''}(?<${name}>${pattern})`).join(
    '|',
  ),
  'g',
);

function replaceMatch(...args: unknown[]): string {
  const groups = args[args.length - 1] as Record<string, string | undefined>;
  for (const name of NAMES) {
    if (groups[name] !== undefined) return `<${name}>`;
  }
  return '';
}

/** Python's str.splitlines() separators. */
// Python's splitlines() also breaks on the file/group/record separators, so the control characters are intended.
// eslint-disable-next-line no-control-regex
const LINE_BREAK = new RegExp('\\r\\n|[\\n\\r\\v\\f\\u001c\\u001d\\u001e\\u0085\\u2028\\u2029]');

/** Error messages repeat; longer ones are rarely identical and would only bloat the cache. */
const CACHEABLE_LENGTH = 1000;
const normalized = new BoundedLru<string, string>(2000);

/** Keeps the first two non-blank lines (adding "..." when anything was cut), then parameterizes. */
export function normalizeMessageForGrouping(message: string): string {
  if (message.length > CACHEABLE_LENGTH) return normalizeUncached(message);
  let result = normalized.get(message);
  if (result === undefined) {
    result = normalizeUncached(message);
    normalized.set(message, result);
  }
  return result;
}

function normalizeUncached(message: string): string {
  let trimmed = message;
  if (LINE_BREAK.test(message) || message.trim() === '') {
    const lines: string[] = [];
    for (const line of message.split(LINE_BREAK)) {
      if (line.trim() !== '') lines.push(line);
      if (lines.length === 2) break;
    }
    trimmed = lines.join('\n');
    if (trimmed !== message) trimmed += '...';
  }
  return parameterize(trimmed);
}

export function parameterize(text: string): string {
  return text.replace(COMBINED, replaceMatch);
}
