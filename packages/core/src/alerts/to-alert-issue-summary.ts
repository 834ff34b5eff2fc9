import { effectiveErrorClass, effectiveSeverity, type Issue } from '../issues/issue.ts';
import type { Project } from '../projects/project.ts';
import type { AlertIssueSummary } from './alert-message.ts';
import { issueUrl } from './issue-url.ts';

export interface IssueSummaryContext {
  baseUrl: string;
  /** From the triggering event; null when there is none. */
  eventId?: string | null;
  environment?: string | null;
  release?: string | null;
  level?: Issue['level'];
  stackExcerpt?: string | null;
}

/** Builds the alert view of an issue (overrides applied) from what storage returns. */
export function toAlertIssueSummary(
  issue: Issue,
  project: Pick<Project, 'id' | 'slug' | 'name'>,
  context: IssueSummaryContext,
): AlertIssueSummary {
  const { filename, function: fn } = issue.metadata;
  const location = filename ? `${filename}${fn ? ` in ${fn}` : ''}` : issue.culprit || null;
  return {
    id: issue.id,
    shortId: `${project.slug.toUpperCase()}-${issue.shortId}`,
    title: issue.title,
    culprit: issue.culprit,
    level: context.level ?? issue.level,
    severity: effectiveSeverity(issue),
    errorClass: effectiveErrorClass(issue),
    project: { id: project.id, slug: project.slug, name: project.name },
    environment: context.environment ?? null,
    release: context.release ?? issue.lastRelease,
    count: issue.timesSeen,
    userCount: issue.userCount,
    firstSeen: issue.firstSeen,
    lastSeen: issue.lastSeen,
    location,
    stackExcerpt: context.stackExcerpt ?? null,
    eventId: context.eventId ?? null,
    url: issueUrl(context.baseUrl, issue.id),
  };
}
