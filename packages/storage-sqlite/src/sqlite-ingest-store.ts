import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '@fixloop/core';
import type { EventWrite, EventWriteResult, IngestBatch, IngestStore } from '@fixloop/core';
import {
  aggregateByIssue,
  aggregateOutcomes,
  assembleResults,
  attachmentRow,
  eventBlobOf,
  timelineBlobOf,
  followUpJobRow,
  ingestActivityRow,
  newIssueRow,
  planIssueUpdate,
  storedResults,
  ISSUE_CREATED_JOB,
  ISSUE_COUNTER_COLUMNS,
  ISSUE_REGRESSED_JOB,
  USER_TAG,
} from '@fixloop/storage-sql';
import type { AcceptedEvent, IssueAggregate, IssueUpdatePlan } from '@fixloop/storage-sql';
import { prepareIngestStatements } from './sqlite-statements.ts';
import { upsertTags } from './sqlite-statements.ts';
import type { EventValues, IngestStatements, IssueUpdateValues, TagValue } from './sqlite-statements.ts';

/**
 * The SQLite hot path: raw prepared statements in ONE synchronous transaction per batch (Kysely's
 * async per-query overhead costs more than the statements themselves here). Rows written earlier in
 * the transaction are visible to later lookups, so copies and shared hashes inside one batch resolve
 * through the same queries as across batches.
 */
export function createSqliteIngestStore(
  db: BetterSqlite3.Database,
  afterCommit: () => void = () => undefined,
  beforeWrite: () => Promise<void> | null = () => null,
): IngestStore {
  let statements: IngestStatements | undefined;
  const write = db.transaction((batch: IngestBatch): EventWriteResult[] => {
    statements ??= prepareIngestStatements(db);
    return writeBatch(statements, batch, Date.now());
  });
  return {
    async writeBatch(batch) {
      // Almost always null: awaiting only when there is something to wait for saves a tick per batch.
      const hold = beforeWrite();
      if (hold !== null) await hold;
      const results = write.immediate(batch);
      afterCommit();
      return results;
    },
  };
}

function writeBatch(s: IngestStatements, batch: IngestBatch, now: number): EventWriteResult[] {
  const accepted: AcceptedEvent[] = [];
  const duplicates = new Map<number, number | null>();
  const created = new Set<number>();
  const { events } = batch;
  for (let index = 0; index < events.length; index++) {
    const write = events[index] as EventWrite;
    const storedIssue = s.findEventIssue.get(write.event.projectId, write.event.eventId);
    if (storedIssue !== undefined) {
      duplicates.set(index, Number(storedIssue));
      continue;
    }
    const issueId = resolveIssue(s, write, created);
    s.insertEvent.run(...eventValues(write, issueId));
    accepted.push({ index, write, issueId });
  }

  const stored = new Map<number, EventWriteResult>();
  for (const agg of aggregateByIssue(accepted)) {
    const isNew = created.has(agg.issueId);
    const regressed = updateIssue(s, agg, isNew, now);
    const news = isNew ? 'created' : regressed ? 'regressed' : 'existing';
    for (const [index, result] of storedResults(agg, news)) stored.set(index, result);
    const first = agg.events[0]?.write.event.eventId ?? '';
    if (isNew) s.insertJob.run(followUpJobRow(ISSUE_CREATED_JOB, agg, first, now));
    if (regressed) s.insertJob.run(followUpJobRow(ISSUE_REGRESSED_JOB, agg, first, now));
  }
  for (const { write } of accepted) {
    const entries = timelineBlobOf(write);
    if (entries === null) continue;
    const { projectId, eventId, receivedAt } = write.event;
    s.insertTimeline.run(projectId, eventId, receivedAt.getTime(), entries);
  }
  writeSideItems(s, batch);
  return assembleResults(batch.events, stored, duplicates, new Map());
}

/** The same values as the shared `eventRow`, positionally (see the insertEvent statement). */
function eventValues(write: EventWrite, issueId: number): EventValues {
  const { event } = write;
  return [
    event.projectId,
    event.eventId,
    issueId,
    event.timestamp.getTime(),
    event.receivedAt.getTime(),
    event.level,
    event.environment,
    event.release,
    event.userKey,
    event.title,
    eventBlobOf(write),
  ];
}

/** The issue of any known hash, else a new issue; maps every hash of the event not yet mapped. */
function resolveIssue(s: IngestStatements, write: EventWrite, created: Set<number>): number {
  const { projectId } = write.event;
  const { primaryHash, hashes } = write.grouping;
  let issueId: number | undefined;
  const unmapped: string[] = [];
  // Most events carry just their primary hash: skip building a Set for them.
  const distinct =
    hashes.length === 1 && hashes[0] === primaryHash ? hashes : new Set([primaryHash, ...hashes]);
  for (const hash of distinct) {
    const found = s.findHashIssue.get(projectId, hash);
    if (found === undefined) unmapped.push(hash);
    else issueId ??= found;
  }
  if (issueId === undefined) {
    const shortId = s.takeShortId.get(projectId);
    if (shortId === undefined) throw new AppError('not_found', `project ${projectId} does not exist`);
    issueId = Number(s.insertIssue.get(newIssueRow(write, shortId)));
    created.add(issueId);
  }
  for (const hash of unmapped) s.insertHash.run(projectId, hash, issueId);
  return issueId;
}

/** One issue UPDATE per touched issue per batch; returns whether the issue regressed. */
function updateIssue(s: IngestStatements, agg: IssueAggregate, created: boolean, now: number): boolean {
  let newUsers = 0;
  const values: TagValue[] = [];
  for (const tag of agg.tags) {
    const { key, value, count, firstSeen, lastSeen } = tag;
    if (key !== USER_TAG) values.push(agg.issueId, key, value, count, firstSeen, lastSeen);
    else if (s.upsertUserTag.get(agg.issueId, key, value, count, firstSeen, lastSeen) === count)
      newUsers += 1;
  }
  upsertTags(s, values);
  const row = s.selectIssue.get(agg.issueId);
  if (row === undefined) throw new AppError('internal', `issue ${agg.issueId} vanished during ingest`);
  const plan = planIssueUpdate(row, agg, created, newUsers);
  s.updateIssue.run(...updateIssueValues(plan.values, agg.issueId));
  for (const { bucket, count } of agg.hourly) s.upsertHourly.run(agg.issueId, bucket, count);
  const activity = ingestActivityRow(agg, plan, now);
  if (activity !== null) s.insertActivity.run(activity);
  return plan.regressed;
}

/**
 * The UPDATE's values by position. Binding `{ ...plan.values, id }` by name cost a new V8 hidden class
 * per issue update: a key added to a spread copy never reuses a cached transition (V8 11).
 */
function updateIssueValues(values: IssueUpdatePlan['values'], id: number): IssueUpdateValues {
  const out: IssueUpdateValues = ISSUE_COUNTER_COLUMNS.map((column) => {
    const value = values[column];
    // As binding by name did for a missing parameter: fail rather than write NULL.
    if (value === undefined) throw new AppError('internal', `issue update plan has no ${column}`);
    return value;
  });
  out.push(id);
  return out;
}

function writeSideItems(s: IngestStatements, batch: IngestBatch): void {
  for (const a of batch.attachments) s.insertAttachment.run(attachmentRow(a));
  for (const r of batch.userReports) {
    const issueId = r.eventId === null ? undefined : s.findEventIssue.get(r.projectId, r.eventId);
    s.insertUserReport.run({
      project_id: r.projectId,
      event_id: r.eventId,
      issue_id: issueId ?? null,
      name: r.name,
      email: r.email,
      comments: r.comments,
      url: r.url,
      source: r.source,
      created_at: r.createdAt.getTime(),
    });
  }
  for (const row of aggregateOutcomes(batch.outcomes)) s.addOutcome.run(row);
}
