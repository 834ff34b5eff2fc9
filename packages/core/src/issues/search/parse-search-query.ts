import type {
  SearchComparison,
  SearchFilterNode,
  SearchNode,
  SearchParseResult,
  SearchValue,
} from './search-query-ast.ts';
import { SearchScanner, SearchSyntaxError } from './search-scanner.ts';

/** `key:` where key is a word with dots, dashes and underscores, or Sentry's `tags[any key]`. */
const KEY = /(tags\[[^\]\s]+\]|[A-Za-z_][A-Za-z0-9_.-]*):/y;
const COMPARISON = /(>=|<=|>|<|=)/y;

/**
 * Parses Sentry's issue search syntax into tokens: filters are AND-ed, `!` negates, `key:[a,b]` is a
 * list, `key:"a b"` is quoted, `*` is a wildcard, anything else is free text. It checks syntax only;
 * `compileIssueSearch` checks what keys and values mean. Errors carry the offset of the bad token.
 */
export function parseSearchQuery(input: string): SearchParseResult {
  const scanner = new SearchScanner(input);
  const nodes: SearchNode[] = [];
  try {
    while (scanner.skipSpaces()) {
      const node = readNode(scanner);
      if (node !== null) nodes.push(node);
    }
  } catch (error) {
    if (error instanceof SearchSyntaxError) {
      return { ok: false, error: { message: error.message, position: error.position } };
    }
    throw error;
  }
  return { ok: true, nodes };
}

function readNode(s: SearchScanner): SearchNode | null {
  const position = s.pos;
  let negated = false;
  if (s.peek() === '!') {
    s.pos += 1;
    if (s.atBoundary()) throw new SearchSyntaxError('Expected a filter or text after "!"', position);
    negated = true;
  }
  const key = s.take(KEY);
  if (key !== null) return readFilter(s, key[1] ?? '', negated, position);
  const value = s.peek() === '"' ? s.readQuoted() : s.readBare();
  expectBoundary(s, value);
  if (!value.quoted && !negated) {
    // Sentry rejects boolean operators in issue search; a lone AND is what every term already does.
    if (value.text === 'AND') return null;
    if (value.text === 'OR') {
      throw new SearchSyntaxError('OR is not supported in issue search; use a list: key:[a, b]', position);
    }
  }
  return { type: 'text', value, negated, position };
}

function readFilter(s: SearchScanner, key: string, negated: boolean, position: number): SearchFilterNode {
  if (s.peek() === '[') {
    const values = readList(s);
    return { type: 'filter', key, negated, comparison: '=', values, isList: true, position };
  }
  const comparison = (s.take(COMPARISON)?.[1] ?? '=') as SearchComparison;
  const valueStart = s.pos;
  const value = s.peek() === '"' ? s.readQuoted() : s.readBare();
  if (!value.quoted && value.text === '') {
    throw new SearchSyntaxError(`Missing value for "${key}:"`, valueStart);
  }
  expectBoundary(s, value);
  return { type: 'filter', key, negated, comparison, values: [value], isList: false, position };
}

/** `[a, "b c", d*]`: at least one item, items separated by commas. */
function readList(s: SearchScanner): SearchValue[] {
  const start = s.pos;
  s.pos += 1;
  const values: SearchValue[] = [];
  for (;;) {
    skipInlineSpaces(s);
    const itemStart = s.pos;
    const value = s.peek() === '"' ? s.readQuoted() : s.readBare(true);
    if (!value.quoted && value.text === '') {
      if (s.pos >= s.input.length) throw new SearchSyntaxError('Unterminated list: "]" is missing', start);
      throw new SearchSyntaxError('Empty item in list', itemStart);
    }
    values.push(value);
    skipInlineSpaces(s);
    const next = s.peek();
    s.pos += 1;
    if (next === ']') break;
    if (next !== ',') {
      throw new SearchSyntaxError(
        next === '' ? 'Unterminated list: "]" is missing' : `Expected "," or "]" in list, found "${next}"`,
        next === '' ? start : s.pos - 1,
      );
    }
  }
  if (!s.atBoundary()) throw new SearchSyntaxError('Expected a space after "]"', s.pos);
  return values;
}

function skipInlineSpaces(s: SearchScanner): void {
  while (s.peek() === ' ' || s.peek() === '\t') s.pos += 1;
}

function expectBoundary(s: SearchScanner, value: SearchValue): void {
  if (value.quoted && !s.atBoundary()) {
    throw new SearchSyntaxError('Expected a space after the closing quote', s.pos);
  }
}
