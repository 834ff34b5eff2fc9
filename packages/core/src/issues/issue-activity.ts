/** Sentry's activity types (the `type` of `/issues/{id}/activities/` entries); `note` is a comment. */
export const ISSUE_ACTIVITY_TYPES = [
  'note',
  'first_seen',
  'set_resolved',
  'set_resolved_in_release',
  'set_resolved_in_commit',
  'set_unresolved',
  'set_ignored',
  'set_escalating',
  'set_regression',
  'set_public',
  'set_private',
  'assigned',
  'unassigned',
  'merge',
  'unmerge_source',
  'unmerge_destination',
  'set_severity',
  'set_error_class',
] as const;
export type IssueActivityType = (typeof ISSUE_ACTIVITY_TYPES)[number];

export interface IssueActivityEntry {
  id: number;
  issueId: number;
  projectId: number;
  type: IssueActivityType;
  /** Null for what Fixloop did by itself (regressions, expired ignores). */
  userId: number | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

export type NewIssueActivityEntry = Omit<IssueActivityEntry, 'id'>;

/** Who an issue is assigned to: a member of its organization, or one of its teams. */
export interface IssueAssignee {
  type: 'user' | 'team';
  id: number;
}

/** Per-issue workflow state, some of it per viewing user (bookmarks, seen, subscriptions). */
export interface IssueWorkflowState {
  assignee: IssueAssignee | null;
  isPublic: boolean;
  numComments: number;
  isBookmarked: boolean;
  /** True when the user looked at the issue after its last event. */
  hasSeen: boolean;
  isSubscribed: boolean;
}

export const DEFAULT_WORKFLOW_STATE: IssueWorkflowState = {
  assignee: null,
  isPublic: false,
  numComments: 0,
  isBookmarked: false,
  hasSeen: false,
  isSubscribed: false,
};
