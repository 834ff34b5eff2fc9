import { ERROR_CLASSES, LEVELS, SEVERITIES } from '../../events/event-types.ts';
import type { SearchFilterNode, SearchNode, SearchQueryError } from './search-query-ast.ts';
import { SearchSyntaxError } from './search-scanner.ts';
import { parseSearchQuery } from './parse-search-query.ts';
import { IS_VALUES } from './issue-search-filter.ts';
import type {
  IsValue,
  IssueSearchContext,
  IssueSearchFilter,
  IssueValueColumn,
} from './issue-search-filter.ts';
import { compileDateFilter, compileNumberFilter } from './compile-search-comparison.ts';
import { compileAssignedFilter, compileBookmarksFilter } from './compile-people-filter.ts';
import { compileCategoryFilter, compilePriorityFilter } from './compile-issue-kind-filter.ts';
import {
  enumValues,
  fail,
  patternsOf,
  requireEquality,
  requireNoWildcards,
  requireSingle,
} from './search-node-checks.ts';
import { toContainsPattern, withPrefix } from './value-pattern.ts';

export type IssueSearchResult =
  { ok: true; filters: IssueSearchFilter[] } | { ok: false; error: SearchQueryError };

const REVIEW_WINDOW_MS = 7 * 86_400_000;

/** Spellings Sentry accepts for the same key. */
const ALIASES: Record<string, string> = {
  timesSeen: 'times_seen',
  firstSeen: 'first_seen',
  lastSeen: 'last_seen',
  userCount: 'user_count',
  errorClass: 'error_class',
  'error.class': 'error_class',
  firstRelease: 'first_release',
  assigned_to: 'assigned',
  assigned_or_suggested: 'assigned',
  bookmarked_by: 'bookmarks',
  'error.message': 'error.value',
};

const VALUE_COLUMNS: Record<string, IssueValueColumn> = {
  'error.type': 'errorType',
  'error.value': 'errorValue',
  first_release: 'firstRelease',
  platform: 'platform',
  title: 'title',
};

/** `user.email:a@b.c` searches the `user` tag, whose values are `email:…`, `id:…`, `username:…`, `ip:…`. */
const USER_FIELDS: Record<string, string> = {
  'user.email': 'email:',
  'user.id': 'id:',
  'user.username': 'username:',
  'user.ip': 'ip:',
};

/** Tag keys of event fields that Sentry names differently in search. */
const TAG_KEYS: Record<string, string> = { 'error.mechanism': 'mechanism', 'error.handled': 'handled' };

/** Parses and compiles a query; the error (if any) carries the offset of the offending token. */
export function parseIssueSearch(query: string, context: IssueSearchContext): IssueSearchResult {
  const parsed = parseSearchQuery(query);
  return parsed.ok ? compileIssueSearch(parsed.nodes, context) : parsed;
}

/** Gives every token its meaning: issue columns, tags, people, dates; unknown keys are tags. */
export function compileIssueSearch(nodes: SearchNode[], context: IssueSearchContext): IssueSearchResult {
  try {
    return { ok: true, filters: nodes.map((node) => compileNode(node, context)) };
  } catch (error) {
    if (error instanceof SearchSyntaxError) {
      return { ok: false, error: { message: error.message, position: error.position } };
    }
    throw error;
  }
}

function compileNode(node: SearchNode, context: IssueSearchContext): IssueSearchFilter {
  if (node.type === 'text') {
    return { kind: 'text', target: 'any', patterns: [toContainsPattern(node.value)], negated: node.negated };
  }
  const tagKey = /^tags\[(.+)\]$/.exec(node.key)?.[1];
  if (tagKey !== undefined)
    return { kind: 'tag', key: tagKey, patterns: patternsOf(node), negated: node.negated };
  const key = ALIASES[node.key] ?? node.key;
  const negated = node.negated;
  const column = VALUE_COLUMNS[key];
  if (column !== undefined) return { kind: 'column', column, patterns: patternsOf(node), negated };
  const prefix = USER_FIELDS[key];
  if (prefix !== undefined) {
    return {
      kind: 'tag',
      key: 'user',
      patterns: patternsOf(node).map((p) => withPrefix(p, prefix)),
      negated,
    };
  }
  switch (key) {
    case 'is':
      return compileIs(node, context);
    case 'level':
      return { kind: 'column', column: 'level', patterns: enumValues(node, LEVELS), negated };
    case 'severity':
      return { kind: 'column', column: 'severity', patterns: enumValues(node, SEVERITIES), negated };
    case 'error_class':
      return { kind: 'column', column: 'errorClass', patterns: enumValues(node, ERROR_CLASSES), negated };
    case 'error.handled':
    case 'error.unhandled':
      return compileHandled(node, key === 'error.unhandled');
    case 'message':
      requireEquality(node);
      return { kind: 'text', target: 'message', patterns: node.values.map(toContainsPattern), negated };
    case 'has':
      return compileHas(node);
    case 'assigned':
      return compileAssignedFilter(node, context);
    case 'bookmarks':
      return compileBookmarksFilter(node, context);
    case 'age':
    case 'first_seen':
      return compileDateFilter(node, 'firstSeen', context.now);
    case 'last_seen':
      return compileDateFilter(node, 'lastSeen', context.now);
    case 'times_seen':
      return compileNumberFilter(node, 'timesSeen');
    case 'user_count':
      return compileNumberFilter(node, 'userCount');
    case 'issue.priority':
      return compilePriorityFilter(node);
    case 'issue.category':
    case 'issue.type':
      return compileCategoryFilter(node);
    case 'project':
      requireEquality(node);
      requireNoWildcards(node);
      return { kind: 'project', slugs: node.values.map((v) => v.text), negated };
    default:
      return { kind: 'tag', key: TAG_KEYS[key] ?? key, patterns: patternsOf(node), negated };
  }
}

function compileIs(node: SearchFilterNode, context: IssueSearchContext): IssueSearchFilter {
  const patterns = enumValues(node, IS_VALUES, { wildcards: false, lowercase: true });
  const values = patterns.map((p) => (p.kind === 'exact' ? p.value : '')) as IsValue[];
  const reviewSince = context.now.getTime() - REVIEW_WINDOW_MS;
  return { kind: 'is', values, negated: node.negated, reviewSince };
}

const TRUE_WORDS = ['true', '1', 'yes'];
const FALSE_WORDS = ['false', '0', 'no'];

/** `error.handled:true` is the `handled` tag's `yes`; `error.unhandled:true` its `no`. */
function compileHandled(node: SearchFilterNode, inverted: boolean): IssueSearchFilter {
  requireEquality(node);
  requireNoWildcards(node);
  const patterns = node.values.map((value) => {
    const text = value.text.toLowerCase();
    const truth = TRUE_WORDS.includes(text) ? true : FALSE_WORDS.includes(text) ? false : null;
    if (truth === null) fail(node, `Invalid value "${value.text}" for "${node.key}": expected true or false`);
    return { kind: 'exact' as const, value: truth !== inverted ? 'yes' : 'no' };
  });
  return { kind: 'tag', key: 'handled', patterns, negated: node.negated };
}

/** `has:release`, `!has:user`; `has:assignee` asks for an assignee. */
function compileHas(node: SearchFilterNode): IssueSearchFilter {
  requireEquality(node);
  requireNoWildcards(node);
  const text = requireSingle(node).text;
  if (text === 'assignee' || text === 'assigned') {
    return { kind: 'assigned', refs: [{ type: 'any' }], negated: node.negated };
  }
  const key = ALIASES[text] ?? text;
  const prefix = USER_FIELDS[key];
  if (prefix !== undefined) {
    return {
      kind: 'tag',
      key: 'user',
      patterns: [{ kind: 'wildcard', parts: [prefix, ''] }],
      negated: node.negated,
    };
  }
  return { kind: 'tag', key: TAG_KEYS[key] ?? key, patterns: null, negated: node.negated };
}
