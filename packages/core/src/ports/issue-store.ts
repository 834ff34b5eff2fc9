import type { ErrorClass, Level, Severity } from '../events/event-types.ts';
import type { Issue, IssueStatus, IssueStatusDetails, IssueSubstatus } from '../issues/issue.ts';
import type { IssueSearchFilter } from '../issues/search/issue-search-filter.ts';

export type IssueSort = 'date' | 'new' | 'freq' | 'user';

export interface IssueListQuery {
  projectIds: number[];
  status?: IssueStatus[];
  level?: Level[];
  severity?: Severity[];
  errorClass?: ErrorClass[];
  sort: IssueSort;
  limit: number;
  offset: number;
}

export interface IssuePatch {
  status?: IssueStatus;
  substatus?: IssueSubstatus;
  statusDetails?: IssueStatusDetails;
  resolvedAt?: Date | null;
  severityOverride?: Severity | null;
  errorClassOverride?: ErrorClass | null;
  /** When an ignore with a duration ends; null clears it. */
  ignoreUntil?: Date | null;
}

/** Sentry's sorts; `priority` ranks by severity then recency, `trends` by events in the last day. */
export type IssueSearchSort = 'date' | 'new' | 'freq' | 'user' | 'priority' | 'trends';

/** A compiled search (see `parseIssueSearch`) over some projects; every filter must hold. */
export interface IssueSearchQuery {
  projectIds: number[];
  filters: IssueSearchFilter[];
  sort: IssueSearchSort;
  limit: number;
  offset: number;
  /** The moment `trends` counts back from. */
  now: Date;
  /**
   * Sentry's `environment=`: `date`, `new` and `freq` then sort by the last seen, first seen and
   * event count in these environments.
   */
  environments?: string[];
}

/** Event counts of some issues in `buckets` consecutive buckets of `bucketMs` starting at `start`. */
export interface IssueStatsQuery {
  issueIds: number[];
  start: Date;
  bucketMs: number;
  buckets: number;
  /** Only events of these environments (counted from the events); every event when absent or empty. */
  environments?: string[];
}

/** An issue's events in some environments (Sentry's `count`, `userCount`, first/last seen there). */
export interface IssueEnvironmentTotals {
  count: number;
  userCount: number;
  firstSeen: Date;
  lastSeen: Date;
}

export interface TagKeySummary {
  key: string;
  /** Distinct values. */
  totalValues: number;
  /** Events carrying the key. */
  count: number;
  firstSeen: Date;
  lastSeen: Date;
}

export interface TagValueCount {
  key: string;
  value: string;
  timesSeen: number;
  firstSeen: Date;
  lastSeen: Date;
}

/**
 * A per-environment breakdown sums the newest events at most: it bounds one request's work on issues with
 * millions of events; above it the counts describe the latest events, which is what such a view is read for.
 */
export const ENVIRONMENT_TAGS_MAX_EVENTS = 10_000;

/** An issue's tags counted over its events in some environments only (Sentry's `?environment=`). */
export interface IssueTagBreakdown {
  /** Like `listTagKeys`: most seen first, without Fixloop's own `sentry:user`. */
  keys: TagKeySummary[];
  /** Every key's values, `sentry:user` included, ordered like `listTagValuesPage`. */
  values: TagValueCount[];
}

export interface IssueStore {
  getIssue(id: number): Promise<Issue | null>;
  /** The issue an event with this hash joins, if any. */
  findIssueByHash(projectId: number, hash: string): Promise<Issue | null>;
  listIssues(query: IssueListQuery): Promise<{ issues: Issue[]; total: number }>;
  updateIssue(id: number, patch: IssuePatch): Promise<Issue | null>;
  /** Tag value counts, most seen first; all keys when `key` is omitted. */
  listTagValues(issueId: number, key?: string, limit?: number): Promise<TagValueCount[]>;
  listHashes(issueId: number): Promise<string[]>;
  /** Issues matching every filter, sorted, one page of them, and how many match in all. */
  searchIssues(query: IssueSearchQuery): Promise<{ issues: Issue[]; total: number }>;
  /** Per issue, one count per bucket (missing issues get all zeros). One query for the whole page. */
  issueStats(query: IssueStatsQuery): Promise<Map<number, number[]>>;
  /** Per issue with events in any of `environments`, their totals there; issues without are absent. */
  issueEnvironmentTotals(
    issueIds: number[],
    environments: string[],
  ): Promise<Map<number, IssueEnvironmentTotals>>;
  findIssueByShortId(projectId: number, shortId: number): Promise<Issue | null>;
  /** Tag keys of an issue (or just `key`), most seen first. */
  listTagKeys(issueId: number, key?: string): Promise<TagKeySummary[]>;
  /** One page of a key's values, most seen first. */
  listTagValuesPage(
    issueId: number,
    key: string,
    page: { limit: number; offset: number },
  ): Promise<TagValueCount[]>;
  /**
   * Tag keys and values of the issue's newest ENVIRONMENT_TAGS_MAX_EVENTS events in any of `environments`
   * (empty when none are there).
   */
  issueEnvironmentTags(issueId: number, environments: string[]): Promise<IssueTagBreakdown>;
}
