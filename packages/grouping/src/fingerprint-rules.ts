import { AppError } from '@fixloop/core';
import { compileGlob, normalizePath } from './glob-pattern.ts';
import { tokenizeRuleLine, unquote } from './rule-tokens.ts';
import type { FingerprintFacts } from './fingerprint-facts.ts';

export interface FingerprintRule {
  text: string;
  groups: Map<string, ((value: Record<string, unknown>) => boolean)[]>;
  fingerprint: string[];
}

const KEY_ALIASES: Record<string, string> = {
  'error.type': 'type',
  'error.value': 'value',
  'stack.function': 'function',
  'stack.module': 'module',
  'stack.abs_path': 'path',
  'stack.package': 'package',
};
const FRAME_KEYS = new Set(['path', 'function', 'module', 'package', 'app']);

function groupOf(key: string): string {
  if (key === 'message') return 'toplevel';
  if (key === 'type' || key === 'value') return 'exceptions';
  if (key === 'logger' || key === 'level') return 'log';
  if (key.startsWith('tags.')) return 'tags';
  if (FRAME_KEYS.has(key)) return 'frames';
  if (key === 'sdk' || key === 'family' || key === 'release') return key;
  throw new AppError('config_invalid', `Unknown fingerprint rule matcher "${key}"`);
}

function compileMatcher(key: string, pattern: string): (value: Record<string, unknown>) => boolean {
  if (key === 'family') {
    const families = pattern.split(',');
    return (v) => families.includes('all') || families.includes(v.family as string);
  }
  if (key === 'app') {
    const wanted = ['1', 'yes', 'true', 'on'].includes(pattern.toLowerCase());
    return (v) => v.app === wanted;
  }
  const path = key === 'path' || key === 'package';
  const glob = compileGlob(path ? normalizePath(pattern) : pattern, path, true);
  if (key.startsWith('tags.')) {
    const tag = key.slice(5);
    return (v) => v.key === tag && typeof v.value === 'string' && glob.test(v.value);
  }
  const field = key;
  if (key === 'message') {
    return (v) => [v.message, v.value].some((x) => typeof x === 'string' && glob.test(x));
  }
  return (v) => {
    const value = v[field];
    if (typeof value !== 'string') return false;
    return glob.test(path ? normalizePath(value) : value);
  };
}

/** Parses Sentry's server-side fingerprint rules: `matcher:value ... -> value, value [attr=x]`. */
export function parseFingerprintRules(source: string): FingerprintRule[] {
  const rules: FingerprintRule[] = [];
  for (const line of source.split(/\r?\n/)) {
    const text = line.trim();
    if (!text || text.startsWith('#')) continue;
    const arrow = text.indexOf('->');
    if (arrow < 0) throw new AppError('config_invalid', `Fingerprint rule without "->": ${text}`);
    const groups = new Map<string, ((value: Record<string, unknown>) => boolean)[]>();
    for (const token of tokenizeRuleLine(text.slice(0, arrow))) {
      const negated = token.startsWith('!');
      const body = negated ? token.slice(1) : token;
      const colon = body.indexOf(':');
      if (colon <= 0) throw new AppError('config_invalid', `Invalid fingerprint matcher: ${token}`);
      const key = KEY_ALIASES[body.slice(0, colon)] ?? body.slice(0, colon);
      const test = compileMatcher(key, unquote(body.slice(colon + 1)));
      const group = groupOf(key);
      groups.set(group, [...(groups.get(group) ?? []), negated ? (v) => !test(v) : test]);
    }
    const fingerprint = parseFingerprintValues(text.slice(arrow + 2));
    if (fingerprint.length === 0) throw new AppError('config_invalid', `Empty fingerprint: ${text}`);
    rules.push({ text, groups, fingerprint });
  }
  return rules;
}

function parseFingerprintValues(source: string): string[] {
  const values: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|((?:\{\{[^}]*\}\}|[^\s,"])+)/g;
  for (const match of source.matchAll(pattern)) {
    if (match[1] !== undefined) values.push(match[1].replace(/\\(.)/g, '$1'));
    else if (match[2] !== undefined && !/^[a-z_]+=/.test(match[2])) values.push(match[2]);
  }
  return values;
}

function candidates(facts: FingerprintFacts, group: string): Record<string, unknown>[] {
  switch (group) {
    case 'toplevel':
      return [...facts.messages, ...facts.exceptions];
    case 'exceptions':
      return facts.exceptions;
    case 'frames':
      return facts.frames;
    case 'tags':
      return facts.tags;
    default:
      return [facts.single];
  }
}

export function matchFingerprintRules(rules: readonly FingerprintRule[], known: FingerprintFacts) {
  for (const rule of rules) {
    let ok = true;
    for (const [group, tests] of rule.groups) {
      const values = candidates(known, group);
      if (!values.some((v) => tests.every((t) => t(v)))) {
        ok = false;
        break;
      }
    }
    if (ok) return rule;
  }
  return null;
}
