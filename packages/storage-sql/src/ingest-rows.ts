import type { AttachmentWrite, EventWrite, EventWriteResult } from '@fixloop/core';
import type { Insertable } from 'kysely';
import type {
  AttachmentsTable,
  EventsTable,
  IssueActivitiesTable,
  IssuesTable,
  JobsTable,
} from './database.ts';
import type { IssueAggregate, IssueUpdatePlan } from './batch-aggregation.ts';
import { eventBlobOf } from './event-payload.ts';

/** Job kinds the ingest transaction enqueues (transactional outbox). */
export const ISSUE_CREATED_JOB = 'issue.created';
export const ISSUE_REGRESSED_JOB = 'issue.regressed';
const FOLLOW_UP_MAX_ATTEMPTS = 5;

/** A new issue row seeded with zero counts; the batch aggregate then adds its events. */
export function newIssueRow(write: EventWrite, shortId: number): Insertable<IssuesTable> {
  const { issue, event, grouping } = write;
  const at = event.timestamp.getTime();
  return {
    project_id: event.projectId,
    short_id: shortId,
    primary_hash: grouping.primaryHash,
    title: issue.title,
    culprit: issue.culprit,
    type: issue.type,
    level: issue.level,
    platform: issue.platform,
    metadata: JSON.stringify(issue.metadata),
    status: 'unresolved',
    substatus: 'new',
    status_details: '{}',
    severity: issue.severity,
    error_class: issue.errorClass,
    severity_override: null,
    error_class_override: null,
    first_seen: at,
    last_seen: at,
    times_seen: 0,
    user_count: 0,
    first_release: null,
    last_release: null,
    resolved_at: null,
  };
}

export function eventRow(write: EventWrite, issueId: number): Insertable<EventsTable> {
  const { event } = write;
  return {
    project_id: event.projectId,
    event_id: event.eventId,
    issue_id: issueId,
    timestamp: event.timestamp.getTime(),
    received_at: event.receivedAt.getTime(),
    level: event.level,
    environment: event.environment,
    release: event.release,
    user_key: event.userKey,
    title: event.title,
    payload: eventBlobOf(write),
  };
}

export function attachmentRow(a: AttachmentWrite): Insertable<AttachmentsTable> {
  return {
    project_id: a.projectId,
    event_id: a.eventId,
    filename: a.filename,
    content_type: a.contentType,
    attachment_type: a.attachmentType,
    size: a.data.byteLength,
    data: Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength),
    created_at: a.createdAt.getTime(),
  };
}

export function followUpJobRow(
  kind: string,
  agg: IssueAggregate,
  eventId: string,
  now: number,
): Insertable<JobsTable> {
  const projectId = agg.latest.projectId;
  return {
    kind,
    payload: JSON.stringify({ issueId: agg.issueId, projectId, eventId }),
    state: 'pending',
    concurrency_key: null,
    attempts: 0,
    max_attempts: FOLLOW_UP_MAX_ATTEMPTS,
    run_at: now,
    created_at: now,
  };
}

/** Stored results of one issue: its first event of the batch carries the created/regressed news. */
export function storedResults(
  agg: IssueAggregate,
  issueEvent: 'created' | 'regressed' | 'existing',
): [number, EventWriteResult][] {
  return agg.events.map((a, i) => [
    a.index,
    {
      status: 'stored',
      eventId: a.write.event.eventId,
      issueId: agg.issueId,
      issueEvent: i === 0 ? issueEvent : 'existing',
    },
  ]);
}

/** Results in input order. A copy inside the batch reports the issue of the copy that was kept. */
export function assembleResults(
  writes: EventWrite[],
  stored: Map<number, EventWriteResult>,
  duplicateOfStored: Map<number, number | null>,
  duplicateOfIndex: Map<number, number>,
): EventWriteResult[] {
  return writes.map((w, index) => {
    const result = stored.get(index);
    if (result !== undefined) return result;
    const eventId = w.event.eventId;
    const firstIndex = duplicateOfIndex.get(index);
    if (firstIndex !== undefined) {
      const first = stored.get(firstIndex);
      const issueId = first?.issueId ?? duplicateOfStored.get(firstIndex) ?? null;
      return { status: 'duplicate', eventId, issueId };
    }
    return { status: 'duplicate', eventId, issueId: duplicateOfStored.get(index) ?? null };
  });
}

/**
 * The activity a batch records on an issue: a regression, or an ignore that ended (escalating after a
 * count, plain unresolved after a duration). Null for the usual batch, which changes no status.
 */
export function ingestActivityRow(
  agg: IssueAggregate,
  plan: IssueUpdatePlan,
  now: number,
): Insertable<IssueActivitiesTable> | null {
  const base = { issue_id: agg.issueId, project_id: agg.latest.projectId, user_id: null, created_at: now };
  const eventId = agg.events[0]?.write.event.eventId ?? null;
  if (plan.regressed) {
    return {
      ...base,
      type: 'set_regression',
      data: JSON.stringify({ version: agg.latest.release, eventId }),
    };
  }
  if (plan.unignored === null) return null;
  const type = plan.unignored === 'duration' ? 'set_unresolved' : 'set_escalating';
  return { ...base, type, data: JSON.stringify({ reason: `ignore_${plan.unignored}`, eventId }) };
}
