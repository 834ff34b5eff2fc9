import type { Issue } from '../issues/issue.ts';
import type {
  IssueActivityEntry,
  IssueActivityType,
  IssueAssignee,
  IssueWorkflowState,
  NewIssueActivityEntry,
} from '../issues/issue-activity.ts';
import type { IssueSeed } from './ingest-store.ts';
import type { UnmergeMove } from '../issues/plan-unmerge.ts';

export interface UnmergeInput {
  sourceIssueId: number;
  move: UnmergeMove;
  /** What the new issue is created with (from the newest moved event, else from the source issue). */
  seed: IssueSeed;
  userId: number | null;
  at: Date;
}

/**
 * Everything people do to issues besides ingest: assignment, bookmarks, seen, subscriptions, comments
 * and the activity log, merges (with redirects for the merged ids), unmerges, expiring ignores, deletes.
 */
export interface IssueWorkflowStore {
  /** Per issue: assignee, public flag, comment count and the user's bookmark/seen/subscription. */
  getStates(issueIds: number[], userId: number | null): Promise<Map<number, IssueWorkflowState>>;
  setAssignee(issueId: number, assignee: IssueAssignee | null): Promise<void>;
  setPublic(issueId: number, isPublic: boolean): Promise<void>;
  setBookmark(issueId: number, userId: number, bookmarked: boolean): Promise<void>;
  /** `seenAt` null forgets that the user saw the issue. */
  setSeen(issueId: number, userId: number, seenAt: Date | null): Promise<void>;
  setSubscribed(issueId: number, userId: number, subscribed: boolean): Promise<void>;

  addActivity(activity: NewIssueActivityEntry): Promise<IssueActivityEntry>;
  /** Newest first. */
  listActivities(
    issueId: number,
    options: { type?: IssueActivityType; limit: number; offset: number },
  ): Promise<IssueActivityEntry[]>;
  getActivity(id: number): Promise<IssueActivityEntry | null>;
  updateActivityData(id: number, data: Record<string, unknown>): Promise<IssueActivityEntry | null>;
  deleteActivity(id: number): Promise<boolean>;

  /**
   * Folds `sourceIds` into `targetId` in one transaction: hashes, events, tag and hourly counts,
   * reports, comments and bookmarks move; the sources are deleted and their ids (and short ids)
   * redirect to the target. Returns the updated target.
   */
  mergeIssues(targetId: number, sourceIds: number[], by: { userId: number | null; at: Date }): Promise<Issue>;
  /** The issue a merged id now lives in (following chains), or null. */
  resolveRedirect(issueId: number): Promise<number | null>;
  resolveShortIdRedirect(projectId: number, shortId: number): Promise<number | null>;
  /** Moves hashes (and the given events with their counts) into a new issue; returns it. */
  unmergeHashes(input: UnmergeInput): Promise<Issue>;

  /** Un-ignores issues whose ignore duration ended before `now`, with an activity each; returns their ids. */
  expireIgnores(now: Date): Promise<number[]>;
  /** Deletes issues with their events and everything else they own; returns how many went. */
  deleteIssues(issueIds: number[]): Promise<number>;
}
