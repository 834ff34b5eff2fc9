import type { IssueActivityType } from './issue-activity.ts';
import type { Issue, IssueStatus, IssueStatusDetails, IssueSubstatus } from './issue.ts';

/** Statuses a client may ask for (Sentry's PUT /issues/{id}/ words; `archived` is the newer `ignored`). */
export const REQUESTED_STATUSES = [
  'resolved',
  'resolvedInNextRelease',
  'unresolved',
  'ignored',
  'archived',
] as const;
export type RequestedStatus = (typeof REQUESTED_STATUSES)[number];

/** Sentry's statusDetails as clients send them. Durations and windows are in minutes. */
export interface RequestedStatusDetails {
  inRelease?: string;
  inNextRelease?: boolean;
  inCommit?: string;
  ignoreDuration?: number;
  ignoreUntil?: string;
  ignoreCount?: number;
  ignoreWindow?: number;
  ignoreUserCount?: number;
  ignoreUserWindow?: number;
}

export interface StatusChange {
  status: IssueStatus;
  substatus: IssueSubstatus;
  statusDetails: IssueStatusDetails;
  resolvedAt: Date | null;
  /** When an ignore with a duration ends (indexed, so expiry needs no scan). */
  ignoreUntil: Date | null;
  activity: { type: IssueActivityType; data: Record<string, unknown> };
}

export type StatusChangeResult =
  { ok: true; change: StatusChange } | { ok: false; field: string; message: string };

const MINUTE_MS = 60_000;
const IGNORE_KEYS = ['ignoreDuration', 'ignoreUntil', 'ignoreCount', 'ignoreUserCount'] as const;

/**
 * The status an issue gets from a PUT: resolved (now, in a release, in the next release, in a commit),
 * unresolved, or ignored until a condition. Without `status`, release details mean resolved and
 * ignore details mean ignored, as in Sentry.
 */
export function planStatusChange(
  issue: Pick<Issue, 'lastRelease' | 'timesSeen' | 'userCount'>,
  requested: RequestedStatus | undefined,
  details: RequestedStatusDetails,
  now: Date,
): StatusChangeResult {
  const status = requested ?? inferStatus(details);
  if (status === undefined)
    return { ok: false, field: 'status', message: 'status or statusDetails is required' };
  if (status === 'unresolved') {
    return change('unresolved', 'ongoing', {}, null, 'set_unresolved', {});
  }
  if (status === 'ignored' || status === 'archived') return planIgnore(issue, details, now);
  return planResolve(
    issue,
    status === 'resolvedInNextRelease' ? { ...details, inNextRelease: true } : details,
    now,
  );
}

function inferStatus(details: RequestedStatusDetails): RequestedStatus | undefined {
  if (details.inRelease !== undefined || details.inNextRelease === true || details.inCommit !== undefined) {
    return 'resolved';
  }
  return IGNORE_KEYS.some((key) => details[key] !== undefined) ? 'ignored' : undefined;
}

function planResolve(
  issue: Pick<Issue, 'lastRelease'>,
  details: RequestedStatusDetails,
  now: Date,
): StatusChangeResult {
  const from = issue.lastRelease === null ? {} : { resolvedFromRelease: issue.lastRelease };
  if (details.inRelease !== undefined) {
    const version = details.inRelease === 'latest' ? issue.lastRelease : details.inRelease;
    if (version === null || version === '') {
      return {
        ok: false,
        field: 'statusDetails.inRelease',
        message: 'the issue has no release to resolve in',
      };
    }
    // Events of the release it is resolved in are regressions; those of the one before are expected.
    const previous = issue.lastRelease !== version ? from : {};
    return change('resolved', null, { inRelease: version, ...previous }, now, 'set_resolved_in_release', {
      version,
    });
  }
  if (details.inNextRelease === true) {
    return change('resolved', null, { inNextRelease: true, ...from }, now, 'set_resolved_in_release', {
      version: '',
    });
  }
  if (details.inCommit !== undefined) {
    return change('resolved', null, { inCommit: details.inCommit }, now, 'set_resolved_in_commit', {
      commit: details.inCommit,
    });
  }
  return change('resolved', null, {}, now, 'set_resolved', {});
}

function planIgnore(
  issue: Pick<Issue, 'timesSeen' | 'userCount'>,
  details: RequestedStatusDetails,
  now: Date,
): StatusChangeResult {
  const statusDetails: IssueStatusDetails = {};
  let until: Date | null = null;
  if (details.ignoreDuration !== undefined)
    until = new Date(now.getTime() + details.ignoreDuration * MINUTE_MS);
  else if (details.ignoreUntil !== undefined) {
    const at = Date.parse(details.ignoreUntil);
    if (Number.isNaN(at))
      return { ok: false, field: 'statusDetails.ignoreUntil', message: 'must be an ISO date' };
    until = new Date(at);
  }
  if (until !== null) statusDetails.ignoreUntil = until.toISOString();
  if (details.ignoreCount !== undefined) {
    statusDetails.ignoreCount = details.ignoreCount;
    statusDetails.ignoreCountBase = issue.timesSeen;
    if (details.ignoreWindow !== undefined) statusDetails.ignoreWindow = details.ignoreWindow;
  }
  if (details.ignoreUserCount !== undefined) {
    statusDetails.ignoreUserCount = details.ignoreUserCount;
    statusDetails.ignoreUserCountBase = issue.userCount;
    if (details.ignoreUserWindow !== undefined) statusDetails.ignoreUserWindow = details.ignoreUserWindow;
  }
  const conditional = Object.keys(statusDetails).length > 0;
  const substatus = conditional ? 'archived_until_condition_met' : 'archived_forever';
  const data = {
    ...(details.ignoreDuration === undefined ? {} : { ignoreDuration: details.ignoreDuration }),
    ...publicStatusDetails(statusDetails),
  };
  return {
    ok: true,
    change: {
      ...base('ignored', substatus, statusDetails, null),
      ignoreUntil: until,
      activity: { type: 'set_ignored', data },
    },
  };
}

function base(
  status: IssueStatus,
  substatus: IssueSubstatus,
  statusDetails: IssueStatusDetails,
  resolvedAt: Date | null,
) {
  return { status, substatus, statusDetails, resolvedAt };
}

function change(
  status: IssueStatus,
  substatus: IssueSubstatus,
  statusDetails: IssueStatusDetails,
  resolvedAt: Date | null,
  type: IssueActivityType,
  data: Record<string, unknown>,
): StatusChangeResult {
  return {
    ok: true,
    change: {
      ...base(status, substatus, statusDetails, resolvedAt),
      ignoreUntil: null,
      activity: { type, data },
    },
  };
}

const INTERNAL_DETAILS = new Set([
  'ignoreCountBase',
  'ignoreUserCountBase',
  'ignoreWindowStart',
  'ignoreWindowCount',
  'ignoreUserWindowStart',
  'ignoreUserWindowCount',
  'resolvedFromRelease',
]);

/** statusDetails as the API shows them: without the counters Fixloop keeps for itself. */
export function publicStatusDetails(details: IssueStatusDetails): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([key]) => !INTERNAL_DETAILS.has(key)));
}
