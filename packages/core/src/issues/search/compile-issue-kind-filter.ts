import type { SearchFilterNode } from './search-query-ast.ts';
import type { IssueSearchFilter } from './issue-search-filter.ts';
import { enumValues, requireEquality, requireNoWildcards } from './search-node-checks.ts';

/** The Issue JSON derives Sentry's `priority` from the severity; search uses the same mapping. */
const PRIORITY_SEVERITIES: Record<string, string[]> = {
  high: ['blocking'],
  medium: ['annoying'],
  low: ['warning', 'info'],
};

/** `issue.priority:[high, medium]`, which Sentry's own issue stream puts in its default query. */
export function compilePriorityFilter(node: SearchFilterNode): IssueSearchFilter {
  const values = enumValues(node, Object.keys(PRIORITY_SEVERITIES), { wildcards: false, lowercase: true });
  const severities = values.flatMap((p) => (p.kind === 'exact' ? (PRIORITY_SEVERITIES[p.value] ?? []) : []));
  return {
    kind: 'column',
    column: 'severity',
    patterns: severities.map((value) => ({ kind: 'exact', value })),
    negated: node.negated,
  };
}

/**
 * `issue.category:error` / `issue.type:error`: every Fixloop issue is an error issue, so `error` matches
 * all issues and Sentry's other categories (performance, cron, …) none. Expressed as an always-true or
 * never-true count comparison, which every storage adapter already runs.
 */
export function compileCategoryFilter(node: SearchFilterNode): IssueSearchFilter {
  requireEquality(node);
  requireNoWildcards(node);
  const matchesAll = node.values.some((v) => v.text.toLowerCase() === 'error');
  return {
    kind: 'compare',
    column: 'timesSeen',
    comparison: matchesAll ? '>=' : '<',
    value: 0,
    negated: node.negated,
  };
}
