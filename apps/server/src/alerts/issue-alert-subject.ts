import { toAlertIssueSummary } from '@fixloop/core';
import type { AlertIssueSummary, AlertTrigger, Issue, Project, Storage } from '@fixloop/core';
import { stackExcerpt } from './stack-excerpt.ts';

/** An issue as alerting sees it: the alert summary, as of its triggering event when there is one. */
export interface IssueAlertSubject {
  issue: Issue;
  project: Project;
  summary: AlertIssueSummary;
  tags: Record<string, string>;
}

export async function loadIssueSubject(
  storage: Storage,
  baseUrl: string,
  issueId: number,
  eventId: string | null,
): Promise<IssueAlertSubject | null> {
  const issue = await storage.issues.getIssue(issueId);
  if (issue === null) return null;
  const project = await storage.projects.getProject(issue.projectId);
  if (project === null) return null;
  const event =
    eventId !== null
      ? await storage.events.getEvent(project.id, eventId)
      : ((await storage.events.listIssueEvents(issue.id, { limit: 1, offset: 0 }))[0] ?? null);
  const summary = toAlertIssueSummary(issue, project, {
    baseUrl,
    eventId: event?.eventId ?? null,
    environment: event?.environment ?? null,
    release: event?.release ?? null,
    ...(event ? { level: event.level } : {}),
    stackExcerpt: event ? stackExcerpt(event.payload) : null,
  });
  return { issue, project, summary, tags: event?.tags ?? {} };
}

type TriggerType = Exclude<AlertTrigger['type'], 'event_counts' | 'pipeline'>;

/** A trigger about the subject (for the kinds that carry nothing beyond the issue). */
export function triggerFor(
  type: TriggerType,
  subject: IssueAlertSubject,
  dashboardUrl: string,
): AlertTrigger {
  return { type, issue: subject.summary, tags: subject.tags, dashboardUrl };
}
