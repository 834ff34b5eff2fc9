import type { IssueStatusDetails } from './issue.ts';

/** Why an ignored issue came back: its time ran out, or it got more events / users than allowed. */
export type UnignoreReason = 'duration' | 'count' | 'user_count';

/** What one ingest batch brings to an issue, beyond its own event count. */
export interface EventBatchFacts {
  /** Events of the batch for this issue (default 1). */
  events?: number;
  /** Their releases, to tell expected events of a resolved-in-release issue from regressions. */
  releases?: (string | null)[];
  /** Users the issue sees for the first time in this batch. */
  newUsers?: number;
  /** The issue's user count including this batch. */
  userCountAfter?: number;
}

export interface IgnoreEvaluation {
  reason: UnignoreReason | null;
  /** The details with updated window counters (the same object when nothing changed). */
  details: IssueStatusDetails;
}

const MINUTE_MS = 60_000;

/**
 * Sentry's ignore ("archive") conditions: until a time, until N more events, until N more users —
 * the counts either since ignoring or within a window of minutes. Windows are tumbling windows whose
 * state lives in the details: the first event after a window ended starts the next one.
 */
export function evaluateIgnore(
  details: IssueStatusDetails,
  eventAt: Date,
  timesSeenAfter: number,
  facts: EventBatchFacts,
): IgnoreEvaluation {
  if (details.ignoreUntil !== undefined && eventAt.getTime() >= Date.parse(details.ignoreUntil)) {
    return { reason: 'duration', details };
  }
  let next = details;
  if (details.ignoreCount !== undefined) {
    const events = facts.events ?? 1;
    if (details.ignoreWindow === undefined) {
      if (timesSeenAfter - (details.ignoreCountBase ?? 0) >= details.ignoreCount)
        return { reason: 'count', details };
    } else {
      const w = advanceWindow(
        details.ignoreWindowStart,
        details.ignoreWindowCount,
        details.ignoreWindow,
        eventAt,
        events,
      );
      if (w.count >= details.ignoreCount) return { reason: 'count', details };
      next = { ...next, ignoreWindowStart: w.start, ignoreWindowCount: w.count };
    }
  }
  if (details.ignoreUserCount !== undefined) {
    const users = facts.newUsers ?? 0;
    if (details.ignoreUserWindow === undefined) {
      const after = facts.userCountAfter ?? details.ignoreUserCountBase ?? 0;
      if (after - (details.ignoreUserCountBase ?? 0) >= details.ignoreUserCount) {
        return { reason: 'user_count', details };
      }
    } else if (users > 0) {
      const w = advanceWindow(
        details.ignoreUserWindowStart,
        details.ignoreUserWindowCount,
        details.ignoreUserWindow,
        eventAt,
        users,
      );
      if (w.count >= details.ignoreUserCount) return { reason: 'user_count', details };
      next = { ...next, ignoreUserWindowStart: w.start, ignoreUserWindowCount: w.count };
    }
  }
  return { reason: null, details: next };
}

function advanceWindow(
  start: string | undefined,
  count: number | undefined,
  windowMinutes: number,
  eventAt: Date,
  added: number,
): { start: string; count: number } {
  const startMs = start === undefined ? Number.NaN : Date.parse(start);
  if (Number.isNaN(startMs) || eventAt.getTime() - startMs >= windowMinutes * MINUTE_MS) {
    return { start: eventAt.toISOString(), count: added };
  }
  return { start: start ?? eventAt.toISOString(), count: (count ?? 0) + added };
}
