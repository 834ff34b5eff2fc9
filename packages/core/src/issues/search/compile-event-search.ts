import type { SearchQueryError } from './search-query-ast.ts';
import { parseSearchQuery } from './parse-search-query.ts';
import { compileIssueSearch } from './compile-issue-search.ts';
import type { IssueSearchContext, IssueSearchFilter } from './issue-search-filter.ts';
import type { ValuePattern } from './value-pattern.ts';

/** Event fields a search can name; `user` is the event's user key (`email:…`, `id:…`), like the tag. */
export type EventSearchField =
  'level' | 'environment' | 'release' | 'user' | 'errorType' | 'errorValue' | 'platform' | 'title';

/**
 * One condition on a single event; an event search is the AND of them. `patterns: null` means the
 * field or tag only has to be present (`has:`).
 */
export type EventSearchFilter =
  | { kind: 'field'; field: EventSearchField; patterns: ValuePattern[] | null; negated: boolean }
  | { kind: 'tag'; key: string; patterns: ValuePattern[] | null; negated: boolean }
  | { kind: 'text'; target: 'any' | 'message'; patterns: ValuePattern[]; negated: boolean };

export type EventSearchResult =
  { ok: true; filters: EventSearchFilter[] } | { ok: false; error: SearchQueryError };

/** Tags that every event also has as a column of its own. */
const FIELD_TAGS: Record<string, EventSearchField> = {
  environment: 'environment',
  release: 'release',
  user: 'user',
  level: 'level',
};

const FIELD_COLUMNS: Partial<Record<string, EventSearchField>> = {
  level: 'level',
  errorType: 'errorType',
  errorValue: 'errorValue',
  platform: 'platform',
  title: 'title',
};

/**
 * The issue search syntax applied to events (Sentry's event lists take the same query): free text,
 * tags, `level:`, `environment:`, `release:`, `user.email:`, `error.type:`… Keys that describe the
 * issue rather than one event (`is:`, `assigned:`, `times_seen:`, `age:`…) are an error at their
 * position.
 */
export function parseEventSearch(query: string, context: IssueSearchContext): EventSearchResult {
  const parsed = parseSearchQuery(query);
  if (!parsed.ok) return parsed;
  const compiled = compileIssueSearch(parsed.nodes, context);
  if (!compiled.ok) return compiled;
  const filters: EventSearchFilter[] = [];
  for (const [i, filter] of compiled.filters.entries()) {
    const event = toEventFilter(filter);
    const node = parsed.nodes[i];
    if (event === null) {
      const key = node?.type === 'filter' ? node.key : filter.kind;
      const message = `"${key}" describes issues, not events, and cannot filter an event list`;
      return { ok: false, error: { message, position: node?.position ?? 0 } };
    }
    filters.push(event);
  }
  return { ok: true, filters };
}

function toEventFilter(filter: IssueSearchFilter): EventSearchFilter | null {
  switch (filter.kind) {
    case 'text':
      return filter;
    case 'tag': {
      const field = FIELD_TAGS[filter.key];
      if (field === undefined) return filter;
      return { kind: 'field', field, patterns: filter.patterns, negated: filter.negated };
    }
    case 'column': {
      const field = FIELD_COLUMNS[filter.column];
      if (field === undefined) return null;
      return { kind: 'field', field, patterns: filter.patterns, negated: filter.negated };
    }
    default:
      return null;
  }
}
