import type { ErrorClass, EventType, IssueMetadata, Level, Severity } from '../events/event-types.ts';

export const ISSUE_STATUSES = ['unresolved', 'resolved', 'ignored'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** Sentry's substatus: why an issue is in its status. */
export type IssueSubstatus =
  'new' | 'ongoing' | 'regressed' | 'escalating' | 'archived_forever' | 'archived_until_condition_met' | null;

/** Conditions that end an "ignored" status (Sentry's statusDetails for ignores). */
export interface IgnoreConditions {
  /** Un-ignore after this moment (from ignoreDuration, in minutes, at the time of ignoring). */
  ignoreUntil?: string;
  /** Un-ignore once this many more events arrived after ignoring. */
  ignoreCount?: number;
  /** Window in minutes for ignoreCount; omitted means "ever". */
  ignoreWindow?: number;
  /** times_seen when the ignore was set, so ignoreCount can be compared. */
  ignoreCountBase?: number;
  /** Un-ignore once this many more users were affected after ignoring. */
  ignoreUserCount?: number;
  /** Window in minutes for ignoreUserCount; omitted means "ever". */
  ignoreUserWindow?: number;
  /** user_count when the ignore was set. */
  ignoreUserCountBase?: number;
  /**
   * Tumbling-window state for ignoreWindow/ignoreUserWindow: when the current window started (ISO) and
   * how many events / new users it has seen. Kept in the status details so ingest needs no extra reads.
   */
  ignoreWindowStart?: string;
  ignoreWindowCount?: number;
  ignoreUserWindowStart?: string;
  ignoreUserWindowCount?: number;
}

export interface IssueStatusDetails extends IgnoreConditions {
  inRelease?: string;
  inNextRelease?: boolean;
  inCommit?: string;
  /**
   * The issue's last release when it was resolved in a release: events still coming from that (old,
   * still deployed) release are expected and do not make the issue regress.
   */
  resolvedFromRelease?: string;
  [key: string]: unknown;
}

export interface Issue {
  id: number;
  projectId: number;
  /** Per-project sequence number, shown as `<PROJECT>-<n>`. */
  shortId: number;
  primaryHash: string;
  title: string;
  culprit: string;
  type: EventType;
  level: Level;
  platform: string;
  metadata: IssueMetadata;
  status: IssueStatus;
  substatus: IssueSubstatus;
  statusDetails: IssueStatusDetails;
  /** Derived at ingest from the first event; an override wins when set. */
  severity: Severity;
  errorClass: ErrorClass;
  severityOverride: Severity | null;
  errorClassOverride: ErrorClass | null;
  firstSeen: Date;
  lastSeen: Date;
  timesSeen: number;
  userCount: number;
  firstRelease: string | null;
  lastRelease: string | null;
  resolvedAt: Date | null;
}

/** Severity and error class as shown: the override when set, else the derived value. */
export function effectiveSeverity(issue: Pick<Issue, 'severity' | 'severityOverride'>): Severity {
  return issue.severityOverride ?? issue.severity;
}

export function effectiveErrorClass(issue: Pick<Issue, 'errorClass' | 'errorClassOverride'>): ErrorClass {
  return issue.errorClassOverride ?? issue.errorClass;
}
