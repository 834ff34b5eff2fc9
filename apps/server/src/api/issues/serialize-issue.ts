import { effectiveErrorClass, effectiveSeverity, formatShortId, publicStatusDetails } from '@fixloop/core';
import type { ErrorClass, Issue, IssueWorkflowState, Organization, Project, Severity } from '@fixloop/core';

/** Who an issue is assigned to, as Sentry shows actors. */
export type ActorJson =
  { type: 'user'; id: string; name: string; email: string } | { type: 'team'; id: string; name: string };

export interface IssueJson {
  id: string;
  shortId: string;
  title: string;
  culprit: string;
  permalink: string;
  logger: string | null;
  level: string;
  status: string;
  statusDetails: Record<string, unknown>;
  substatus: string | null;
  isPublic: boolean;
  platform: string;
  project: { id: string; name: string; slug: string; platform: string | null };
  type: string;
  issueType: 'error';
  issueCategory: 'error';
  metadata: Record<string, unknown>;
  numComments: number;
  assignedTo: ActorJson | null;
  isBookmarked: boolean;
  isSubscribed: boolean;
  subscriptionDetails: { reason: string } | null;
  hasSeen: boolean;
  annotations: unknown[];
  shareId: null;
  priority: 'high' | 'medium' | 'low';
  count: string;
  userCount: number;
  firstSeen: string;
  lastSeen: string;
  firstRelease: { version: string; shortVersion: string } | null;
  lastRelease: { version: string; shortVersion: string } | null;
  stats?: Record<string, [number, number][]>;
  /** Fixloop: how much it hurts users and where it comes from (the override when set). */
  severity: Severity;
  errorClass: ErrorClass;
  severityOverride: Severity | null;
  errorClassOverride: ErrorClass | null;
}

export interface IssueJsonContext {
  organization: Organization;
  project: Project;
  state: IssueWorkflowState;
  assignedTo: ActorJson | null;
  baseUrl: string;
  stats?: Record<string, [number, number][]>;
}

const PRIORITY: Record<Severity, IssueJson['priority']> = {
  blocking: 'high',
  annoying: 'medium',
  warning: 'low',
  info: 'low',
};

const release = (version: string | null) => (version === null ? null : { version, shortVersion: version });

/** Sentry's Issue JSON (`count` is a string) plus Fixloop's severity and error class. */
export function serializeIssue(issue: Issue, c: IssueJsonContext): IssueJson {
  const severity = effectiveSeverity(issue);
  return {
    id: String(issue.id),
    shortId: formatShortId(c.project.slug, issue.shortId),
    title: issue.title,
    culprit: issue.culprit,
    permalink: `${c.baseUrl}/organizations/${c.organization.slug}/issues/${issue.id}/`,
    logger: null,
    level: issue.level,
    status: issue.status,
    statusDetails: publicStatusDetails(issue.statusDetails),
    substatus: issue.substatus,
    isPublic: c.state.isPublic,
    platform: issue.platform,
    project: {
      id: String(c.project.id),
      name: c.project.name,
      slug: c.project.slug,
      platform: c.project.platform,
    },
    type: issue.type,
    issueType: 'error',
    issueCategory: 'error',
    metadata: issue.metadata,
    numComments: c.state.numComments,
    assignedTo: c.assignedTo,
    isBookmarked: c.state.isBookmarked,
    isSubscribed: c.state.isSubscribed,
    subscriptionDetails: c.state.isSubscribed ? { reason: 'unknown' } : null,
    hasSeen: c.state.hasSeen,
    annotations: [],
    shareId: null,
    priority: PRIORITY[severity],
    count: String(issue.timesSeen),
    userCount: issue.userCount,
    firstSeen: issue.firstSeen.toISOString(),
    lastSeen: issue.lastSeen.toISOString(),
    firstRelease: release(issue.firstRelease),
    lastRelease: release(issue.lastRelease),
    ...(c.stats === undefined ? {} : { stats: c.stats }),
    severity,
    errorClass: effectiveErrorClass(issue),
    severityOverride: issue.severityOverride,
    errorClassOverride: issue.errorClassOverride,
  };
}
