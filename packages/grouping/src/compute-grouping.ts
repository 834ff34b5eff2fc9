import type { GroupingResult, SentryEvent } from '@fixloop/core';
import { BUILTIN_ENHANCEMENTS } from './builtin-enhancements.ts';
import { BUILTIN_FINGERPRINT_RULES } from './builtin-fingerprint-rules.ts';
import { parseEnhancements, type EnhancementRule } from './enhancement-rules.ts';
import { readEventInterfaces } from './event-interfaces.ts';
import { fingerprintFacts } from './fingerprint-facts.ts';
import { matchFingerprintRules, parseFingerprintRules, type FingerprintRule } from './fingerprint-rules.ts';
import { isDefaultVariable, resolveFingerprint } from './fingerprint-values.ts';
import { md5Of } from './grouping-component.ts';
import { strategyVariants } from './strategy-variants.ts';

export interface GroupingOptions {
  /** Project server-side fingerprint rules in Sentry's syntax (`error.type:Foo -> bar, {{ default }}`), optional. */
  fingerprintRules?: string;
  /** Project stack-trace rules in Sentry's enhancement syntax, applied after the built-in ones, optional. */
  enhancements?: string;
}

const PRIMARY_ORDER = [
  'custom_fingerprint',
  'built_in_fingerprint',
  'checksum',
  'hashed_checksum',
  'app',
  'system',
  'default',
  'fallback',
];
const BUILTIN_RULES = parseEnhancements(BUILTIN_ENHANCEMENTS);
const BUILTIN_FINGERPRINTS = parseFingerprintRules(BUILTIN_FINGERPRINT_RULES);
const EMPTY_MD5 = md5Of([]);

/** Parsed project rules, keyed by their source text (projects reuse the same few strings). */
const enhancementCache = new Map<string, EnhancementRule[]>();
const fingerprintCache = new Map<string, FingerprintRule[]>();

function cached<T>(cache: Map<string, T>, key: string, build: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    if (cache.size > 500) cache.clear();
    cache.set(key, value);
  }
  return value;
}

function clientFingerprint(event: SentryEvent): string[] {
  if (!Array.isArray(event.fingerprint)) return [];
  return event.fingerprint.flatMap((v) =>
    typeof v === 'string' ? [v] : typeof v === 'number' ? [String(v)] : [],
  );
}

function finish(variants: Record<string, string | null>): GroupingResult {
  if (!Object.values(variants).some((h) => h !== null)) variants.fallback = EMPTY_MD5;
  const names = PRIMARY_ORDER.filter((name) => typeof variants[name] === 'string');
  for (const name of Object.keys(variants)) if (!names.includes(name) && variants[name]) names.push(name);
  const primaryVariant = names[0] as string;
  const hashes = [...new Set(names.map((name) => variants[name] as string))];
  return { primaryHash: variants[primaryVariant] as string, hashes, variants, primaryVariant };
}

/** Sentry's default grouping (`newstyle:2023-01-11`) for one event. Never throws on odd event shapes. */
export function computeGrouping(event: SentryEvent, options: GroupingOptions = {}): GroupingResult {
  const checksum = event.checksum;
  if (typeof checksum === 'string' && checksum !== '') {
    if (/^[0-9a-f]{32}$/.test(checksum)) return finish({ checksum });
    return finish({ hashed_checksum: md5Of([checksum]) });
  }
  const rules = options.enhancements
    ? cached(enhancementCache, options.enhancements, () => [
        ...BUILTIN_RULES,
        ...parseEnhancements(options.enhancements as string),
      ])
    : BUILTIN_RULES;
  const ifaces = readEventInterfaces(event, rules);
  const projectRules = options.fingerprintRules
    ? cached(fingerprintCache, options.fingerprintRules, () =>
        parseFingerprintRules(options.fingerprintRules as string),
      )
    : [];
  const facts = fingerprintFacts(event, ifaces);
  const projectMatch = matchFingerprintRules(projectRules, facts);
  const builtinMatch = projectMatch ? null : matchFingerprintRules(BUILTIN_FINGERPRINTS, facts);
  const matched = projectMatch ?? builtinMatch;
  let fingerprint = matched ? matched.fingerprint : clientFingerprint(event);
  if (fingerprint.length === 0) fingerprint = ['{{ default }}'];
  const defaults = fingerprint.filter(isDefaultVariable).length;
  const resolved = resolveFingerprint(fingerprint, event);
  const roots = strategyVariants(event, ifaces, rules);
  const variants: Record<string, string | null> = {};
  if (defaults === 0) {
    for (const name of roots.keys()) variants[name] = null;
    variants[builtinMatch ? 'built_in_fingerprint' : 'custom_fingerprint'] = md5Of(resolved);
  } else {
    for (const [name, root] of roots) {
      if (!root.contributes) variants[name] = null;
      else if (defaults === fingerprint.length) variants[name] = root.hash();
      else {
        const values = resolved.map((v) => (isDefaultVariable(v) ? root.collectText() : v));
        variants[name] = md5Of(values);
      }
    }
  }
  return finish(variants);
}
