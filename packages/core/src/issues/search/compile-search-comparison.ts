import type { SearchFilterNode } from './search-query-ast.ts';
import { parseSearchDate, parseSearchNumber } from './search-date.ts';
import type { IssueNumberColumn, IssueSearchFilter } from './issue-search-filter.ts';
import { fail, requireNoWildcards, requireSingle } from './search-node-checks.ts';

const DAY_MS = 86_400_000;

/**
 * `firstSeen:-24h` (within 24 hours), `age:+7d` (older than 7 days), `lastSeen:>2024-01-31`,
 * `firstSeen:2024-01-31` (that whole UTC day), `firstSeen:<=-1h`.
 */
export function compileDateFilter(
  node: SearchFilterNode,
  column: IssueNumberColumn,
  now: Date,
): IssueSearchFilter {
  const value = requireSingle(node);
  requireNoWildcards(node);
  const date = parseSearchDate(value.text);
  if (date === null) {
    fail(node, `Invalid date "${value.text}" for "${node.key}": expected e.g. -24h, +7d or 2024-01-31`);
  }
  const negated = node.negated;
  if (date.kind === 'relative') {
    const point = now.getTime() - date.ms;
    if (node.comparison !== '=')
      return { kind: 'compare', column, comparison: node.comparison, value: point, negated };
    return { kind: 'compare', column, comparison: date.older ? '<' : '>=', value: point, negated };
  }
  if (node.comparison === '=' && date.dateOnly) {
    return { kind: 'range', column, from: date.at, to: date.at + DAY_MS, negated };
  }
  return { kind: 'compare', column, comparison: node.comparison, value: date.at, negated };
}

/** `times_seen:>10`, `times_seen:1.5k`, `user_count:<=3`. */
export function compileNumberFilter(node: SearchFilterNode, column: IssueNumberColumn): IssueSearchFilter {
  const value = requireSingle(node);
  requireNoWildcards(node);
  const number = parseSearchNumber(value.text);
  if (number === null) fail(node, `Invalid number "${value.text}" for "${node.key}"`);
  return { kind: 'compare', column, comparison: node.comparison, value: number, negated: node.negated };
}
