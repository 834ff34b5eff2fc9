import type { AlertIssueSummary, AlertMessage } from '@fixloop/core';

export type SentryHookResource = 'issue' | 'event_alert';

export interface SentryWebhookPayload {
  resource: SentryHookResource;
  body: Record<string, unknown>;
}

const base = (url: string) => url.replace(/\/+$/, '');

/** Sentry's Issue JSON (spec §7), as integrations that already consume Sentry webhooks expect it. */
export function sentryIssueJson(issue: AlertIssueSummary, dashboardUrl: string, resolved: boolean) {
  const api = `${base(dashboardUrl)}/api/0/issues/${issue.id}/`;
  return {
    id: String(issue.id),
    shortId: issue.shortId,
    title: issue.title,
    culprit: issue.culprit,
    permalink: issue.url,
    level: issue.level,
    status: resolved ? 'resolved' : 'unresolved',
    statusDetails: {},
    substatus: resolved ? null : 'new',
    isPublic: false,
    type: 'error',
    metadata: { title: issue.title, filename: issue.location ?? undefined },
    project: { id: String(issue.project.id), name: issue.project.name, slug: issue.project.slug },
    numComments: 0,
    assignedTo: null,
    isBookmarked: false,
    isSubscribed: false,
    hasSeen: false,
    annotations: [],
    count: String(issue.count),
    userCount: issue.userCount,
    firstSeen: issue.firstSeen.toISOString(),
    lastSeen: issue.lastSeen.toISOString(),
    url: api,
    web_url: issue.url,
    project_url: `${base(dashboardUrl)}/issues/?project=${issue.project.id}`,
  };
}

function eventJson(message: AlertMessage) {
  const issue = message.issue;
  if (!issue) return { title: message.kind === 'test' ? 'Fixloop test message' : message.kind, tags: [] };
  const tags = [
    ['level', issue.level],
    ...(issue.environment ? [['environment', issue.environment]] : []),
    ...(issue.release ? [['release', issue.release]] : []),
  ];
  const apiIssue = `${base(message.dashboardUrl)}/api/0/issues/${issue.id}/`;
  return {
    event_id: issue.eventId,
    title: issue.title,
    culprit: issue.culprit,
    level: issue.level,
    environment: issue.environment,
    release: issue.release,
    tags,
    issue_id: String(issue.id),
    url: issue.eventId ? `${apiIssue}events/${issue.eventId}/` : apiIssue,
    web_url: issue.url,
    issue_url: apiIssue,
  };
}

/** Fixloop's own facts, under one key that Sentry consumers ignore. */
function fixloopDetails(message: AlertMessage) {
  return {
    kind: message.kind,
    severity: message.issue?.severity ?? null,
    errorClass: message.issue?.errorClass ?? null,
    location: message.issue?.location ?? null,
    stack: message.issue?.stackExcerpt ?? null,
    pipeline: message.pipeline,
    spike: message.spike,
    digest: message.digest,
  };
}

/**
 * A new issue and a resolve are `issue` webhooks (created / resolved); every other alert is an `event_alert`
 * (triggered) naming the rule, as Sentry's issue alerts do. Call on a sanitized message.
 */
export function buildSentryWebhookPayload(
  message: AlertMessage,
  installationUuid: string,
): SentryWebhookPayload {
  const envelope = {
    installation: { uuid: installationUuid },
    actor: { id: 'fixloop', name: 'Fixloop', type: 'application' },
  };
  const issue = message.issue;
  if (issue && (message.kind === 'new_issue' || message.kind === 'resolved')) {
    const resolved = message.kind === 'resolved';
    const data = {
      issue: sentryIssueJson(issue, message.dashboardUrl, resolved),
      fixloop: fixloopDetails(message),
    };
    return { resource: 'issue', body: { action: resolved ? 'resolved' : 'created', ...envelope, data } };
  }
  const ruleName = message.ruleName ?? (message.kind === 'test' ? 'Test notification' : message.kind);
  const data = {
    event: eventJson(message),
    triggered_rule: ruleName,
    issue_alert: { title: ruleName, settings: [] },
    fixloop: fixloopDetails(message),
  };
  return { resource: 'event_alert', body: { action: 'triggered', ...envelope, data } };
}
