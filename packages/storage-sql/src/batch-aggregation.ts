import { applyEventToIssue } from '@fixloop/core';
import type {
  EventRecord,
  EventWrite,
  IssueStatus,
  IssueStatusDetails,
  IssueSubstatus,
  OutcomeWrite,
  UnignoreReason,
} from '@fixloop/core';
import type { Selectable, Updateable } from 'kysely';
import type { IssuesTable, OutcomesTable } from './database.ts';

/** The tag key whose distinct values per issue are the issue's user count. */
export const USER_TAG = 'sentry:user';
const HOUR_MS = 3_600_000;

/** An event of the batch that was inserted (not a duplicate), with the issue it joined. */
export interface AcceptedEvent {
  index: number;
  write: EventWrite;
  issueId: number;
}

export interface TagAggregate {
  issueId: number;
  key: string;
  value: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
}

/** Everything one batch does to one issue, so each touched issue is updated once per batch. */
export interface IssueAggregate {
  issueId: number;
  /** In input order. */
  events: AcceptedEvent[];
  firstSeen: number;
  lastSeen: number;
  latest: EventRecord;
  firstRelease: string | null;
  lastRelease: string | null;
  tags: TagAggregate[];
  /** Events per hour of their timestamps (bucket: epoch ms), for issue stats. */
  hourly: { bucket: number; count: number }[];
  /** The latest time any of the events was received: what ignore deadlines are compared with. */
  receivedAt: number;
}

/** Groups accepted events per issue; sorted by issue id so concurrent writers lock rows in one order. */
export function aggregateByIssue(accepted: AcceptedEvent[]): IssueAggregate[] {
  const byIssue = new Map<number, AcceptedEvent[]>();
  for (const a of accepted) {
    const list = byIssue.get(a.issueId);
    if (list === undefined) byIssue.set(a.issueId, [a]);
    else list.push(a);
  }
  return [...byIssue.entries()]
    .sort(([a], [b]) => a - b)
    .map(([issueId, events]) => aggregate(issueId, events));
}

function aggregate(issueId: number, events: AcceptedEvent[]): IssueAggregate {
  const only = events.length === 1 ? events[0] : undefined;
  if (only !== undefined && !(USER_TAG in only.write.event.tags)) return aggregateOne(issueId, events, only);
  const byTime = [...events].sort(
    (a, b) => a.write.event.timestamp.getTime() - b.write.event.timestamp.getTime(),
  );
  const tags = new Map<string, TagAggregate>();
  const hourly = new Map<number, number>();
  let receivedAt = 0;
  for (const { write } of events) {
    const at = write.event.timestamp.getTime();
    const bucket = at - (at % HOUR_MS);
    hourly.set(bucket, (hourly.get(bucket) ?? 0) + 1);
    receivedAt = Math.max(receivedAt, write.event.receivedAt.getTime());
    const entries = Object.entries(write.event.tags);
    if (write.event.userKey !== null) entries.push([USER_TAG, write.event.userKey]);
    for (const [key, value] of entries) {
      const id = `${key}\u0000${value}`;
      const tag = tags.get(id);
      if (tag === undefined) tags.set(id, { issueId, key, value, count: 1, firstSeen: at, lastSeen: at });
      else {
        tag.count += 1;
        tag.firstSeen = Math.min(tag.firstSeen, at);
        tag.lastSeen = Math.max(tag.lastSeen, at);
      }
    }
  }
  const releases = byTime.map((e) => e.write.event.release).filter((r): r is string => r !== null);
  const first = byTime[0];
  const latest = byTime[byTime.length - 1];
  if (first === undefined || latest === undefined) throw new Error('aggregate of an empty event list');
  return {
    issueId,
    events,
    firstSeen: first.write.event.timestamp.getTime(),
    lastSeen: latest.write.event.timestamp.getTime(),
    latest: latest.write.event,
    firstRelease: releases[0] ?? null,
    lastRelease: releases[releases.length - 1] ?? null,
    tags: [...tags.values()].sort(compareTags),
    hourly: [...hourly.entries()].map(([bucket, count]) => ({ bucket, count })),
    receivedAt,
  };
}

/**
 * `aggregate` for an issue's only event in the batch, the usual case with many issues (the ingest bench's
 * 300: ~1.1 events per issue per batch): the same result without the maps, string keys and sorts by time,
 * for a third to half the CPU. An own `sentry:user` tag would have to merge with the user key's: the caller
 * leaves such an event to `aggregate`.
 */
function aggregateOne(issueId: number, events: AcceptedEvent[], only: AcceptedEvent): IssueAggregate {
  const { event } = only.write;
  const at = event.timestamp.getTime();
  const tags: TagAggregate[] = [];
  for (const key in event.tags) {
    tags.push({ issueId, key, value: event.tags[key]!, count: 1, firstSeen: at, lastSeen: at });
  }
  if (event.userKey !== null) {
    tags.push({ issueId, key: USER_TAG, value: event.userKey, count: 1, firstSeen: at, lastSeen: at });
  }
  return {
    issueId,
    events,
    firstSeen: at,
    lastSeen: at,
    latest: event,
    firstRelease: event.release,
    lastRelease: event.release,
    tags: tags.sort(compareTags),
    hourly: [{ bucket: at - (at % HOUR_MS), count: 1 }],
    receivedAt: event.receivedAt.getTime(),
  };
}

/** By key, then value: the lock order concurrent writers share (same as comparing `key\0value`). */
function compareTags(a: TagAggregate, b: TagAggregate): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

export interface IssueUpdatePlan {
  values: Updateable<IssuesTable> & { times_seen: number; user_count: number };
  regressed: boolean;
  /** Set when an ignored issue came back (the stores record an activity for it). */
  unignored: UnignoreReason | null;
}

/** The issue columns a batch update reads: selecting only these keeps the per-issue read cheap. */
export const ISSUE_COUNTER_COLUMNS = [
  'times_seen',
  'user_count',
  'first_seen',
  'last_seen',
  'level',
  'first_release',
  'last_release',
  'status',
  'substatus',
  'status_details',
  'resolved_at',
] as const;
export type IssueCounterRow = Pick<Selectable<IssuesTable>, (typeof ISSUE_COUNTER_COLUMNS)[number]>;

/**
 * The new counters and status of an issue after a batch. `created` issues start as unresolved/new
 * (seeded with zero counts); the lifecycle rules themselves are core's `applyEventToIssue`.
 */
export function planIssueUpdate(
  row: IssueCounterRow,
  agg: IssueAggregate,
  created: boolean,
  newUsers: number,
): IssueUpdatePlan {
  // Numbers go through Number(): node-postgres may hand BIGINT columns over as strings.
  const timesSeen = Number(row.times_seen) + agg.events.length;
  const lastSeenBefore = Number(row.last_seen);
  const resolvedAt = row.resolved_at === null ? null : new Date(Number(row.resolved_at));
  const issue = {
    status: row.status as IssueStatus,
    substatus: row.substatus as IssueSubstatus,
    statusDetails: JSON.parse(row.status_details) as IssueStatusDetails,
    resolvedAt,
    timesSeen: Number(row.times_seen),
  };
  const userCount = Number(row.user_count) + newUsers;
  const skipTransition = created && agg.events.length === 1;
  // Object literals here and below, not spreads plus keys: see `copyJsonObject` in @fixloop/normalize.
  const t = skipTransition
    ? {
        status: issue.status,
        substatus: issue.substatus,
        statusDetails: issue.statusDetails,
        resolvedAt: issue.resolvedAt,
        regressed: false,
        unignored: null,
      }
    : applyEventToIssue(issue, new Date(Math.max(agg.lastSeen, agg.receivedAt)), timesSeen, {
        events: agg.events.length,
        releases: agg.events.map((e) => e.write.event.release),
        newUsers,
        userCountAfter: userCount,
      });
  return {
    regressed: t.regressed,
    unignored: t.unignored,
    values: {
      times_seen: timesSeen,
      user_count: userCount,
      first_seen: Math.min(Number(row.first_seen), agg.firstSeen),
      last_seen: Math.max(lastSeenBefore, agg.lastSeen),
      level: agg.lastSeen >= lastSeenBefore ? agg.latest.level : row.level,
      first_release: row.first_release ?? agg.firstRelease,
      last_release: agg.lastRelease ?? row.last_release,
      status: t.status,
      substatus: t.substatus,
      status_details:
        t.statusDetails === issue.statusDetails ? row.status_details : JSON.stringify(t.statusDetails),
      resolved_at: t.resolvedAt?.getTime() ?? null,
    },
  };
}

/** Outcomes summed per (project, category, outcome, hour) so each key is upserted once. */
export function aggregateOutcomes(outcomes: OutcomeWrite[]): OutcomesTable[] {
  const sums = new Map<string, OutcomesTable>();
  for (const o of outcomes) {
    const bucket = Math.floor(o.at.getTime() / HOUR_MS) * HOUR_MS;
    const id = `${o.projectId}\u0000${o.category}\u0000${o.outcome}\u0000${bucket}`;
    const row = sums.get(id);
    if (row === undefined) {
      sums.set(id, {
        project_id: o.projectId,
        category: o.category,
        outcome: o.outcome,
        bucket,
        quantity: o.quantity,
      });
    } else row.quantity += o.quantity;
  }
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
}
