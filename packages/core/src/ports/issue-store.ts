import type { ErrorClass, Level, Severity } from '../events/event-types.ts';
import type { Issue, IssueStatus, IssueStatusDetails, IssueSubstatus } from '../issues/issue.ts';

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
}

export interface TagValueCount {
  key: string;
  value: string;
  timesSeen: number;
  firstSeen: Date;
  lastSeen: Date;
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
}
