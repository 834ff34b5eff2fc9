import type { SearchFilterNode, SearchValue } from './search-query-ast.ts';
import { SearchSyntaxError } from './search-scanner.ts';
import { toValuePattern } from './value-pattern.ts';
import type { ValuePattern } from './value-pattern.ts';

/** Checks shared by the key compilers; each throws a SearchSyntaxError at the token's position. */
export function fail(node: SearchFilterNode, message: string): never {
  throw new SearchSyntaxError(message, node.position);
}

export function requireEquality(node: SearchFilterNode): void {
  if (node.comparison !== '=') fail(node, `"${node.key}" does not support "${node.comparison}"`);
}

export function requireSingle(node: SearchFilterNode): SearchValue {
  const [value] = node.values;
  if (node.isList || value === undefined) fail(node, `"${node.key}" does not take a list`);
  return value;
}

export function requireNoWildcards(node: SearchFilterNode): void {
  if (node.values.some((v) => v.wildcards.length > 0)) fail(node, `"${node.key}" does not support wildcards`);
}

export function patternsOf(node: SearchFilterNode): ValuePattern[] {
  requireEquality(node);
  return node.values.map(toValuePattern);
}

/** Values from a fixed set (wildcards allowed when `wildcards`), lower-cased for `is:`-style keys. */
export function enumValues<T extends string>(
  node: SearchFilterNode,
  allowed: readonly T[],
  options: { wildcards: boolean; lowercase?: boolean } = { wildcards: true },
): ValuePattern[] {
  requireEquality(node);
  if (!options.wildcards) requireNoWildcards(node);
  return node.values.map((value) => {
    const text = options.lowercase === true ? value.text.toLowerCase() : value.text;
    if (value.wildcards.length === 0 && !(allowed as readonly string[]).includes(text)) {
      fail(node, `Invalid value "${value.text}" for "${node.key}": expected one of ${allowed.join(', ')}`);
    }
    return toValuePattern({ ...value, text });
  });
}
