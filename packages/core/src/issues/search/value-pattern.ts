import type { SearchValue } from './search-query-ast.ts';

/**
 * How a filter value matches: exactly (case-sensitive, like Sentry's tag equality) or by wildcards,
 * case-insensitively. `parts` are the literal pieces between `*`s: `*foo*` is ['', 'foo', ''].
 */
export type ValuePattern = { kind: 'exact'; value: string } | { kind: 'wildcard'; parts: string[] };

export function toValuePattern(value: SearchValue): ValuePattern {
  if (value.wildcards.length === 0) return { kind: 'exact', value: value.text };
  const parts: string[] = [];
  let from = 0;
  for (const at of value.wildcards) {
    parts.push(value.text.slice(from, at));
    from = at + 1;
  }
  parts.push(value.text.slice(from));
  return { kind: 'wildcard', parts };
}

/** Free text and `message:` match anywhere in the text: `foo` behaves like `*foo*`. */
export function toContainsPattern(value: SearchValue): ValuePattern {
  const pattern = toValuePattern(value);
  const parts = pattern.kind === 'exact' ? [pattern.value] : pattern.parts;
  return {
    kind: 'wildcard',
    parts: [...(parts[0] === '' ? [] : ['']), ...parts, ...(parts.at(-1) === '' ? [] : [''])],
  };
}

/** The same pattern over values that carry a prefix (the `user` tag stores `email:a@b.c`). */
export function withPrefix(pattern: ValuePattern, prefix: string): ValuePattern {
  if (pattern.kind === 'exact') return { kind: 'exact', value: prefix + pattern.value };
  const [first = '', ...rest] = pattern.parts;
  return { kind: 'wildcard', parts: [prefix + first, ...rest] };
}

/** In-memory evaluation with the same semantics as the SQL (LIKE on lower-cased text). */
export function matchesValuePattern(pattern: ValuePattern, candidate: string): boolean {
  if (pattern.kind === 'exact') return candidate === pattern.value;
  const text = candidate.toLowerCase();
  const parts = pattern.parts.map((p) => p.toLowerCase());
  const first = parts[0] ?? '';
  const last = parts.length > 1 ? (parts.at(-1) ?? '') : '';
  const end = text.length - last.length;
  if (end < first.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length;
  // Leftmost matches of the middle pieces leave the most room for the rest.
  for (const part of parts.slice(1, -1)) {
    const found = text.indexOf(part, at);
    if (found === -1 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

/** `%`/`_` escaped for a LIKE with `ESCAPE '\'`, wildcards as `%`, lower-cased. */
export function toLikePattern(pattern: Extract<ValuePattern, { kind: 'wildcard' }>): string {
  return pattern.parts.map((p) => p.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)).join('%');
}
