import type { Issue } from '../issue.ts';
import { effectiveErrorClass, effectiveSeverity } from '../issue.ts';
import type {
  IsValue,
  IssueNumberColumn,
  IssueSearchFilter,
  IssueValueColumn,
} from './issue-search-filter.ts';
import { matchesValuePattern } from './value-pattern.ts';
import type { ValuePattern } from './value-pattern.ts';

/** What the in-memory evaluator needs to know about an issue. */
export interface SearchableIssue {
  issue: Issue;
  projectSlug: string;
  tags: { key: string; value: string }[];
  assignee: { type: 'user' | 'team'; id: number } | null;
  bookmarkedBy: number[];
}

/**
 * Evaluates compiled filters in memory, with exactly the meaning the SQL search gives them. Storage
 * contract tests compare the two; small callers (alert filters, tests) can use it directly.
 */
export function matchesIssueSearch(item: SearchableIssue, filters: IssueSearchFilter[]): boolean {
  return filters.every((filter) => matchesFilter(item, filter) !== filter.negated);
}

function matchesFilter(item: SearchableIssue, filter: IssueSearchFilter): boolean {
  const { issue } = item;
  switch (filter.kind) {
    case 'is':
      return filter.values.some((value) => matchesIs(item, value, filter.reviewSince));
    case 'column':
      return anyPattern(filter.patterns, columnValue(issue, filter.column));
    case 'compare':
      return compare(numberValue(issue, filter.column), filter.comparison, filter.value);
    case 'range': {
      const value = numberValue(issue, filter.column);
      return value >= filter.from && value < filter.to;
    }
    case 'tag':
      return item.tags.some(
        (t) => t.key === filter.key && (filter.patterns === null || anyPattern(filter.patterns, t.value)),
      );
    case 'text': {
      const fields = [issue.title, String(issue.metadata.value ?? '')];
      if (filter.target === 'any') fields.push(issue.culprit);
      return fields.some((field) => anyPattern(filter.patterns, field));
    }
    case 'assigned':
      return filter.refs.some((ref) => {
        if (ref.type === 'any') return item.assignee !== null;
        if (ref.type === 'none') return item.assignee === null;
        if (ref.type !== 'user' && ref.type !== 'team') return false;
        return item.assignee?.type === ref.type && item.assignee.id === ref.id;
      });
    case 'bookmarked':
      return filter.refs.some((ref) => ref.type === 'user' && item.bookmarkedBy.includes(ref.id));
    case 'project':
      return filter.slugs.includes(item.projectSlug);
  }
}

const SUBSTATUS_VALUES: IsValue[] = ['regressed', 'new', 'ongoing', 'escalating'];
const REVIEW_SUBSTATUSES = ['new', 'regressed', 'escalating'];

function matchesIs(item: SearchableIssue, value: IsValue, reviewSince: number): boolean {
  const { issue } = item;
  if (value === 'archived') return issue.status === 'ignored';
  if (value === 'assigned') return item.assignee !== null;
  if (value === 'unassigned') return item.assignee === null;
  if (value === 'for_review') {
    return (
      issue.status === 'unresolved' &&
      REVIEW_SUBSTATUSES.includes(issue.substatus ?? '') &&
      issue.lastSeen.getTime() >= reviewSince
    );
  }
  if (SUBSTATUS_VALUES.includes(value)) return issue.status === 'unresolved' && issue.substatus === value;
  return issue.status === value;
}

function anyPattern(patterns: ValuePattern[], value: string | null): boolean {
  return value !== null && patterns.some((pattern) => matchesValuePattern(pattern, value));
}

function columnValue(issue: Issue, column: IssueValueColumn): string | null {
  switch (column) {
    case 'level':
      return issue.level;
    case 'severity':
      return effectiveSeverity(issue);
    case 'errorClass':
      return effectiveErrorClass(issue);
    case 'errorType':
      return typeof issue.metadata.type === 'string' ? issue.metadata.type : null;
    case 'errorValue':
      return typeof issue.metadata.value === 'string' ? issue.metadata.value : null;
    case 'firstRelease':
      return issue.firstRelease;
    case 'platform':
      return issue.platform;
    case 'title':
      return issue.title;
  }
}

function numberValue(issue: Issue, column: IssueNumberColumn): number {
  if (column === 'firstSeen') return issue.firstSeen.getTime();
  if (column === 'lastSeen') return issue.lastSeen.getTime();
  return column === 'timesSeen' ? issue.timesSeen : issue.userCount;
}

function compare(value: number, comparison: '=' | '>' | '<' | '>=' | '<=', target: number): boolean {
  if (comparison === '=') return value === target;
  if (comparison === '>') return value > target;
  if (comparison === '<') return value < target;
  return comparison === '>=' ? value >= target : value <= target;
}
