import { compareSemVerVersions } from '../releases/is-release-newer.ts';
import { evaluateIgnore } from './ignore-condition.ts';
import type { EventBatchFacts, UnignoreReason } from './ignore-condition.ts';
import type { Issue, IssueStatus, IssueStatusDetails, IssueSubstatus } from './issue.ts';

export interface IssueTransition {
  status: IssueStatus;
  substatus: IssueSubstatus;
  statusDetails: IssueStatusDetails;
  resolvedAt: Date | null;
  /** True when a resolved issue came back: alerting and the pipeline react to it. */
  regressed: boolean;
  /** Set when an ignored issue came back because its condition was met. */
  unignored: UnignoreReason | null;
}

type IssueState = Pick<Issue, 'status' | 'substatus' | 'statusDetails' | 'resolvedAt' | 'timesSeen'>;

/**
 * What new events do to an existing issue's status. Both storage adapters call this inside their
 * ingest transaction, so the lifecycle rules live in one place.
 * - resolved  -> unresolved/regressed (a regression), unless every event comes from a release older
 *   than the fix: the one it was resolved from, or (semver) one older than "in release" / "in next"
 * - ignored   -> unresolved once its ignore condition is met: ongoing after a duration, escalating
 *   after a count or user count (Sentry's substatuses)
 * - otherwise unchanged, except that "new" becomes "ongoing" after the first event.
 * `timesSeenAfter` is the issue's count including these events.
 */
export function applyEventToIssue(
  issue: IssueState,
  eventAt: Date,
  timesSeenAfter: number,
  facts: EventBatchFacts = {},
): IssueTransition {
  if (issue.status === 'resolved') {
    if (fromResolvedRelease(issue.statusDetails, facts.releases))
      return unchanged(issue, issue.statusDetails);
    return {
      status: 'unresolved',
      substatus: 'regressed',
      statusDetails: {},
      resolvedAt: null,
      regressed: true,
      unignored: null,
    };
  }
  if (issue.status === 'ignored') {
    const { reason, details } = evaluateIgnore(issue.statusDetails, eventAt, timesSeenAfter, facts);
    if (reason === null) return unchanged(issue, details);
    return {
      status: 'unresolved',
      substatus: reason === 'duration' ? 'ongoing' : 'escalating',
      statusDetails: {},
      resolvedAt: null,
      regressed: false,
      unignored: reason,
    };
  }
  return {
    ...unchanged(issue, issue.statusDetails),
    substatus: issue.substatus === 'new' ? 'ongoing' : issue.substatus,
  };
}

function unchanged(issue: IssueState, statusDetails: IssueStatusDetails): IssueTransition {
  return {
    status: issue.status,
    substatus: issue.substatus,
    statusDetails,
    resolvedAt: issue.resolvedAt,
    regressed: false,
    unignored: null,
  };
}

function fromResolvedRelease(details: IssueStatusDetails, releases: (string | null)[] | undefined): boolean {
  if (releases === undefined || releases.length === 0) return false;
  return releases.every((release) => release !== null && isExpectedRelease(details, release));
}

/**
 * Sentry's GroupResolution rule: resolved "in release X", events of releases older than X are
 * expected (X itself regresses); "in the next release", those of the release it was resolved from
 * and older ones are. Without an order (versions that are not semver), only the release the issue
 * was resolved from is known to be old.
 */
function isExpectedRelease(details: IssueStatusDetails, release: string): boolean {
  const from = details.resolvedFromRelease;
  if (details.inRelease !== undefined) {
    const order = compareSemVerVersions(release, details.inRelease);
    return order === null ? release === from : order < 0;
  }
  if (details.inNextRelease !== true || from === undefined) return false;
  const order = compareSemVerVersions(release, from);
  return order === null ? release === from : order <= 0;
}
