import type { Severity } from '../events/event-types.ts';

/** One issue in a summary's top list. */
export interface SummaryIssue {
  id: number;
  shortId: string;
  title: string;
  severity: Severity;
  projectSlug: string;
  /** Events in the period. */
  count: number;
  userCount: number;
  url: string;
}

export interface SummaryProjectLine {
  slug: string;
  name: string;
  events: number;
  previousEvents: number;
  newIssues: number;
}

/** The data a daily summary shows: the last 24 h against the 24 h before. Built by a query, rendered by email. */
export interface DailySummary {
  periodStart: Date;
  periodEnd: Date;
  totalEvents: number;
  previousTotalEvents: number;
  newIssues: number;
  previousNewIssues: number;
  /** Events per severity in the period, and in the previous period. */
  bySeverity: Record<Severity, number>;
  previousBySeverity: Record<Severity, number>;
  byProject: SummaryProjectLine[];
  topIssues: SummaryIssue[];
  dashboardUrl: string;
}

/** The weekly report: a daily summary over seven days, plus what the pipeline did and the daily curve. */
export interface WeeklyReport extends DailySummary {
  eventsByDay: { day: string; events: number }[];
  resolvedIssues: number;
  regressions: number;
  fixesCommitted: number;
}

export interface Trend {
  direction: 'up' | 'down' | 'flat';
  /** Percentage change against the previous period; null when the previous period had nothing. */
  percent: number | null;
}

export function trendOf(current: number, previous: number): Trend {
  const direction = current > previous ? 'up' : current < previous ? 'down' : 'flat';
  if (previous === 0) return { direction, percent: null };
  return { direction, percent: Math.round(((current - previous) / previous) * 100) };
}
