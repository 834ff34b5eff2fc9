import { trimText, type AlertMessage, type Severity } from '@fixloop/core';
import { alertHeadline, alertSource } from '../alert-presentation.ts';

const PD_SEVERITY: Readonly<Record<Severity, 'critical' | 'error' | 'warning' | 'info'>> = {
  blocking: 'critical',
  annoying: 'error',
  warning: 'warning',
  info: 'info',
};

/** One incident per issue: later alerts about it update it, and a resolve closes it. */
export const pagerDutyDedupKey = (issueId: number): string => `fixloop-issue-${issueId}`;

function dedupKey(message: AlertMessage): string {
  if (message.issue) return pagerDutyDedupKey(message.issue.id);
  return `fixloop-${message.kind}-${message.createdAt.getTime()}`;
}

/** An Events API v2 event (trigger, or resolve for a `resolved` alert); call on a sanitized message. */
export function buildPagerDutyEvent(message: AlertMessage, routingKey: string): Record<string, unknown> {
  const key = dedupKey(message);
  if (message.kind === 'resolved')
    return { routing_key: routingKey, event_action: 'resolve', dedup_key: key };
  const issue = message.issue;
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: key,
    payload: {
      summary: trimText(alertHeadline(message), 1024),
      source: (issue && alertSource(message)) || 'fixloop',
      severity: issue ? PD_SEVERITY[issue.severity] : 'info',
      timestamp: message.createdAt.toISOString(),
      ...(issue?.location ? { component: issue.location } : {}),
      ...(issue ? { group: issue.project.slug, class: issue.errorClass } : {}),
      custom_details: {
        kind: message.kind,
        rule: message.ruleName,
        issue: issue && {
          shortId: issue.shortId,
          events: issue.count,
          users: issue.userCount,
          environment: issue.environment,
          release: issue.release,
          stack: issue.stackExcerpt,
        },
        rootCause: message.pipeline?.rootCause ?? null,
        digest: message.digest?.items.map((item) => `${item.shortId ?? item.kind} ${item.title}`) ?? null,
      },
    },
    links: [
      { href: issue?.url ?? message.dashboardUrl, text: issue ? `${issue.shortId} in Fixloop` : 'Fixloop' },
    ],
    client: 'Fixloop',
    client_url: message.dashboardUrl,
  };
}
