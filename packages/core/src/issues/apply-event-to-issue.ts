import type { Issue, IssueStatus, IssueStatusDetails, IssueSubstatus } from './issue.ts';

export interface IssueTransition {
  status: IssueStatus;
  substatus: IssueSubstatus;
  statusDetails: IssueStatusDetails;
  resolvedAt: Date | null;
  /** True when a resolved issue came back: alerting and the pipeline react to it. */
  regressed: boolean;
}

type IssueState = Pick<Issue, 'status' | 'substatus' | 'statusDetails' | 'resolvedAt' | 'timesSeen'>;

/**
 * What a new event does to an existing issue's status. Both storage adapters call this inside their
 * ingest transaction, so the lifecycle rules live in one place.
 * - resolved  -> unresolved/regressed (a regression)
 * - ignored   -> unresolved/ongoing once its ignore condition (until/count) is met
 * - otherwise unchanged, except that "new" becomes "ongoing" after the first event.
 * `timesSeenAfter` is the issue's count including this event.
 */
export function applyEventToIssue(issue: IssueState, eventAt: Date, timesSeenAfter: number): IssueTransition {
  if (issue.status === 'resolved') {
    return {
      status: 'unresolved',
      substatus: 'regressed',
      statusDetails: {},
      resolvedAt: null,
      regressed: true,
    };
  }
  if (issue.status === 'ignored' && ignoreConditionMet(issue.statusDetails, eventAt, timesSeenAfter)) {
    return {
      status: 'unresolved',
      substatus: 'ongoing',
      statusDetails: {},
      resolvedAt: null,
      regressed: false,
    };
  }
  return {
    status: issue.status,
    substatus: issue.status === 'unresolved' && issue.substatus === 'new' ? 'ongoing' : issue.substatus,
    statusDetails: issue.statusDetails,
    resolvedAt: issue.resolvedAt,
    regressed: false,
  };
}

function ignoreConditionMet(details: IssueStatusDetails, eventAt: Date, timesSeenAfter: number): boolean {
  if (details.ignoreUntil !== undefined && eventAt.getTime() >= Date.parse(details.ignoreUntil)) return true;
  if (details.ignoreCount !== undefined) {
    const base = details.ignoreCountBase ?? 0;
    if (timesSeenAfter - base >= details.ignoreCount) return true;
  }
  return false;
}
