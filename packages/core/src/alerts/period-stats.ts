import type { Severity } from '../events/event-types.ts';

/** Raw activity of some projects in one period, as a storage query returns it. */
export interface PeriodStats {
  totalEvents: number;
  /** By the issue's effective severity. */
  bySeverity: Record<Severity, number>;
  byProject: { projectId: number; events: number; newIssues: number }[];
  newIssues: number;
  /** Most events first. */
  topIssues: { issueId: number; events: number; users: number }[];
  /** `YYYY-MM-DD` (UTC) → events, days without events left out. */
  eventsByDay: { day: string; events: number }[];
  resolvedIssues: number;
  /** Issues seen in the period that are marked regressed. */
  regressions: number;
  /** `fix_committed` pipeline events in the period. */
  fixesCommitted: number;
}

export function emptySeverityCounts(): Record<Severity, number> {
  return { blocking: 0, annoying: 0, warning: 0, info: 0 };
}
