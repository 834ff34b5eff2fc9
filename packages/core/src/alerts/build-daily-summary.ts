import type { Issue } from '../issues/issue.ts';
import { effectiveSeverity } from '../issues/issue.ts';
import type { Project } from '../projects/project.ts';
import type { DailySummary, SummaryIssue, WeeklyReport } from './daily-summary.ts';
import { issueUrl } from './issue-url.ts';
import type { PeriodStats } from './period-stats.ts';

export interface SummaryInput {
  current: PeriodStats;
  previous: PeriodStats;
  periodStart: Date;
  periodEnd: Date;
  projects: readonly Pick<Project, 'id' | 'slug' | 'name'>[];
  /** The issues named in `current.topIssues`; missing ones (deleted meanwhile) are left out. */
  issues: ReadonlyMap<number, Issue>;
  baseUrl: string;
}

function topIssues(input: SummaryInput): SummaryIssue[] {
  const slugs = new Map(input.projects.map((p) => [p.id, p.slug]));
  return input.current.topIssues.flatMap((top) => {
    const issue = input.issues.get(top.issueId);
    const slug = issue ? slugs.get(issue.projectId) : undefined;
    if (!issue || slug === undefined) return [];
    return [
      {
        id: issue.id,
        shortId: `${slug.toUpperCase()}-${issue.shortId}`,
        title: issue.title,
        severity: effectiveSeverity(issue),
        projectSlug: slug,
        count: top.events,
        userCount: top.users,
        url: issueUrl(input.baseUrl, issue.id),
      },
    ];
  });
}

/** The daily summary: the period's activity against the period before, per severity and project. */
export function buildDailySummary(input: SummaryInput): DailySummary {
  const { current, previous } = input;
  const byProject = input.projects
    .map((project) => {
      const now = current.byProject.find((p) => p.projectId === project.id);
      const before = previous.byProject.find((p) => p.projectId === project.id);
      return {
        slug: project.slug,
        name: project.name,
        events: now?.events ?? 0,
        previousEvents: before?.events ?? 0,
        newIssues: now?.newIssues ?? 0,
      };
    })
    .filter((line) => line.events > 0 || line.previousEvents > 0 || line.newIssues > 0)
    .sort((a, b) => b.events - a.events || a.slug.localeCompare(b.slug));
  return {
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    totalEvents: current.totalEvents,
    previousTotalEvents: previous.totalEvents,
    newIssues: current.newIssues,
    previousNewIssues: previous.newIssues,
    bySeverity: { ...current.bySeverity },
    previousBySeverity: { ...previous.bySeverity },
    byProject,
    topIssues: topIssues(input),
    dashboardUrl: input.baseUrl.replace(/\/+$/, ''),
  };
}

/** The weekly report: a seven-day summary plus the daily curve and what was resolved, regressed and fixed. */
export function buildWeeklyReport(input: SummaryInput): WeeklyReport {
  const days: { day: string; events: number }[] = [];
  for (let t = input.periodStart.getTime(); t < input.periodEnd.getTime(); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.push({ day, events: input.current.eventsByDay.find((d) => d.day === day)?.events ?? 0 });
  }
  return {
    ...buildDailySummary(input),
    eventsByDay: days,
    resolvedIssues: input.current.resolvedIssues,
    regressions: input.current.regressions,
    fixesCommitted: input.current.fixesCommitted,
  };
}
