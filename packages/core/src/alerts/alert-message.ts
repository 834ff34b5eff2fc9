import type { ErrorClass, Level, Severity } from '../events/event-types.ts';

/** What happened. `resolved` lets stateful channels (PagerDuty, Slack threads) close what they opened. */
export const ALERT_KINDS = [
  'new_issue',
  'regression',
  'spike',
  'critical_event',
  'user_report',
  'investigation_done',
  'fix_committed',
  'needs_review',
  'escalation',
  'fix_tests_failed',
  'resolved',
  'digest',
  'test',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_KIND_LABELS: Readonly<Record<AlertKind, string>> = {
  new_issue: 'New issue',
  regression: 'Regression',
  spike: 'Error spike',
  critical_event: 'Critical event',
  user_report: 'New user report',
  investigation_done: 'Investigation done',
  fix_committed: 'Fix committed',
  needs_review: 'Fix needs review',
  escalation: 'Escalation',
  fix_tests_failed: 'Fix tests failed',
  resolved: 'Resolved',
  digest: 'Alert digest',
  test: 'Test message',
};

/** The issue as an alert shows it. Every string is scrubbed before it leaves Fixloop. */
export interface AlertIssueSummary {
  id: number;
  /** As shown: `<PROJECT>-<n>`. */
  shortId: string;
  title: string;
  culprit: string;
  level: Level;
  severity: Severity;
  errorClass: ErrorClass;
  project: { id: number; slug: string; name: string };
  environment: string | null;
  release: string | null;
  /** Events and distinct users so far. */
  count: number;
  userCount: number;
  firstSeen: Date;
  lastSeen: Date;
  /** `file:line` (or the culprit) where it broke. */
  location: string | null;
  /** The top of the stack trace; trimmed to STACK_EXCERPT_LIMIT before sending. */
  stackExcerpt: string | null;
  /** The event that triggered the alert, when there is one. */
  eventId: string | null;
  /** Deep link into the dashboard: `${baseUrl}/issues/${id}`. */
  url: string;
}

export type FixStatus = 'none' | 'investigating' | 'proposed' | 'committed' | 'tests_failed' | 'merged';

export interface AlertPipelineDetails {
  rootCause: string | null;
  relatedFiles: string[];
  fixStatus: FixStatus;
  commitSha: string | null;
  /** Link to the fix (branch, pull request, commit) when there is one. */
  fixUrl: string | null;
}

export interface AlertSpikeDetails {
  windowMinutes: number;
  count: number;
  baselinePerWindow: number;
}

/** One line of a digest; plain JSON so it can sit in the throttle state between flushes. */
export interface AlertDigestItem {
  kind: AlertKind;
  ruleId: string | null;
  issueId: number | null;
  shortId: string | null;
  title: string;
  severity: Severity | null;
  url: string | null;
  /** ISO 8601. */
  at: string;
}

export interface AlertDigest {
  reason: 'burst' | 'quiet_hours' | 'rate_limited';
  items: AlertDigestItem[];
  windowStart: Date;
  windowEnd: Date;
}

export interface AlertMessage {
  kind: AlertKind;
  ruleId: string | null;
  ruleName: string | null;
  issue: AlertIssueSummary | null;
  pipeline: AlertPipelineDetails | null;
  spike: AlertSpikeDetails | null;
  digest: AlertDigest | null;
  /** The dashboard's base URL, for links that are not about one issue. */
  dashboardUrl: string;
  createdAt: Date;
}
