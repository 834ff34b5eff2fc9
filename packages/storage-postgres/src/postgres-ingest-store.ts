import type { Pool, PoolClient } from 'pg';
import type { EventWriteResult, IngestBatch, IngestStore } from '@fixloop/core';
import {
  aggregateByIssue,
  assembleResults,
  eventRow,
  followUpJobRow,
  ingestActivityRow,
  planIssueUpdate,
  storedResults,
  ISSUE_CREATED_JOB,
  ISSUE_REGRESSED_JOB,
  USER_TAG,
} from '@fixloop/storage-sql';
import type { AcceptedEvent, IssueAggregate, IssuesTable } from '@fixloop/storage-sql';
import type { Selectable } from 'kysely';
import { resolveIssues } from './postgres-issue-resolution.ts';
import type { Candidate } from './postgres-issue-resolution.ts';
import { insertRows } from './postgres-rows.ts';
import { updateIssues } from './postgres-issue-update.ts';
import { writeSideItems } from './postgres-side-items.ts';
import { withTransaction } from './with-transaction.ts';

/**
 * The PostgreSQL hot path: a handful of multi-row statements per batch in one transaction. Rows are
 * written in a fixed order (projects, events by id, issues by id, tags by key) so that concurrent
 * writers from several processes wait for each other instead of deadlocking.
 */
export function createPostgresIngestStore(pool: Pool): IngestStore {
  return {
    writeBatch: (batch) => withTransaction(pool, (client) => writeBatch(client, batch, Date.now())),
  };
}

async function writeBatch(client: PoolClient, batch: IngestBatch, now: number): Promise<EventWriteResult[]> {
  const firstIndex = new Map<string, number>();
  const duplicateOfIndex = new Map<number, number>();
  const unique: Candidate[] = [];
  batch.events.forEach((write, index) => {
    const key = `${write.event.projectId}\u0000${write.event.eventId}`;
    const first = firstIndex.get(key);
    if (first === undefined) {
      firstIndex.set(key, index);
      unique.push({ index, write });
    } else duplicateOfIndex.set(index, first);
  });
  const duplicateOfStored = await storedDuplicates(client, unique);
  const candidates = unique.filter((c) => !duplicateOfStored.has(c.index));
  const stored = new Map<number, EventWriteResult>();
  if (candidates.length > 0) {
    const accepted = await insertEvents(client, candidates, duplicateOfStored);
    for (const [index, result] of await applyToIssues(client, accepted, now)) stored.set(index, result);
  }
  await writeSideItems(client, batch, candidates);
  return assembleResults(batch.events, stored, duplicateOfStored, duplicateOfIndex);
}

async function storedDuplicates(
  client: PoolClient,
  candidates: Candidate[],
): Promise<Map<number, number | null>> {
  const out = new Map<number, number | null>();
  if (candidates.length === 0) return out;
  const { rows } = await client.query<{ project_id: number; event_id: string; issue_id: number }>(
    `SELECT e.project_id, e.event_id, e.issue_id FROM events e
     JOIN unnest($1::bigint[], $2::text[]) AS u(project_id, event_id)
       ON e.project_id = u.project_id AND e.event_id = u.event_id`,
    [candidates.map((c) => c.write.event.projectId), candidates.map((c) => c.write.event.eventId)],
  );
  const issueByKey = new Map(rows.map((r) => [`${r.project_id}\u0000${r.event_id}`, Number(r.issue_id)]));
  for (const c of candidates) {
    const issueId = issueByKey.get(`${c.write.event.projectId}\u0000${c.write.event.eventId}`);
    if (issueId !== undefined) out.set(c.index, issueId);
  }
  return out;
}

/** Inserts the events; one a concurrent writer stored meanwhile becomes a duplicate here. */
async function insertEvents(
  client: PoolClient,
  candidates: Candidate[],
  duplicateOfStored: Map<number, number | null>,
): Promise<{ accepted: AcceptedEvent[]; created: Set<number> }> {
  const { issueOf, created } = await resolveIssues(client, candidates);
  const sorted = [...candidates].sort(
    (a, b) =>
      a.write.event.projectId - b.write.event.projectId ||
      (a.write.event.eventId < b.write.event.eventId ? -1 : 1),
  );
  const rows = sorted.map((c) => eventRow(c.write, issueOf.get(c.index) ?? -1));
  const inserted = await insertRows<{ project_id: number; event_id: string }>(
    client,
    'events',
    rows,
    'ON CONFLICT (project_id, event_id) DO NOTHING RETURNING project_id, event_id',
  );
  const insertedKeys = new Set(inserted.map((r) => `${r.project_id}\u0000${r.event_id}`));
  const accepted: AcceptedEvent[] = [];
  const lost: Candidate[] = [];
  for (const c of candidates) {
    if (insertedKeys.has(`${c.write.event.projectId}\u0000${c.write.event.eventId}`)) {
      accepted.push({ index: c.index, write: c.write, issueId: issueOf.get(c.index) ?? -1 });
    } else lost.push(c);
  }
  for (const [index, issueId] of await storedDuplicates(client, lost)) duplicateOfStored.set(index, issueId);
  return { accepted, created };
}

async function applyToIssues(
  client: PoolClient,
  { accepted, created }: { accepted: AcceptedEvent[]; created: Set<number> },
  now: number,
): Promise<[number, EventWriteResult][]> {
  const aggregates = aggregateByIssue(accepted);
  const { rows } = await client.query<Selectable<IssuesTable>>(
    'SELECT * FROM issues WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE',
    [aggregates.map((a) => a.issueId)],
  );
  const newUsers = await upsertTags(client, aggregates);
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  const results: [number, EventWriteResult][] = [];
  const jobs: Record<string, unknown>[] = [];
  const plans = aggregates.map((agg) => {
    const isNew = created.has(agg.issueId);
    const row = byId.get(agg.issueId);
    if (row === undefined) throw new Error(`issue ${agg.issueId} vanished during ingest`);
    const plan = planIssueUpdate(row, agg, isNew, newUsers.get(agg.issueId) ?? 0);
    results.push(...storedResults(agg, isNew ? 'created' : plan.regressed ? 'regressed' : 'existing'));
    const first = agg.events[0]?.write.event.eventId ?? '';
    if (isNew) jobs.push(followUpJobRow(ISSUE_CREATED_JOB, agg, first, now));
    if (plan.regressed) jobs.push(followUpJobRow(ISSUE_REGRESSED_JOB, agg, first, now));
    return { id: agg.issueId, plan };
  });
  await updateIssues(client, plans);
  await upsertHourlyCounts(client, aggregates);
  const activities = plans.flatMap(({ plan }, i) => {
    const row = ingestActivityRow(aggregates[i] as IssueAggregate, plan, now);
    return row === null ? [] : [row];
  });
  await insertRows(client, 'issue_activities', activities);
  await insertRows(client, 'jobs', jobs);
  // An issue created here whose every event turned out to be a concurrent duplicate stays unused.
  const used = new Set(aggregates.map((a) => a.issueId));
  const unused = [...created].filter((id) => !used.has(id));
  if (unused.length > 0) await client.query('DELETE FROM issues WHERE id = ANY($1::bigint[])', [unused]);
  return results;
}

/** Upserts aggregated tag counts; returns per issue how many `sentry:user` values are new. */
async function upsertTags(client: PoolClient, aggregates: IssueAggregate[]): Promise<Map<number, number>> {
  const rows = aggregates.flatMap((agg) =>
    agg.tags.map((t) => ({
      issue_id: t.issueId,
      key: t.key,
      value: t.value,
      times_seen: t.count,
      first_seen: t.firstSeen,
      last_seen: t.lastSeen,
    })),
  );
  const inserted = await insertRows<{ issue_id: number; key: string; inserted: boolean }>(
    client,
    'issue_tag_values',
    rows,
    `ON CONFLICT (issue_id, key, value) DO UPDATE SET
       times_seen = issue_tag_values.times_seen + excluded.times_seen,
       first_seen = LEAST(issue_tag_values.first_seen, excluded.first_seen),
       last_seen = GREATEST(issue_tag_values.last_seen, excluded.last_seen)
     RETURNING issue_id, key, (xmax = 0) AS inserted`,
  );
  const counts = new Map<number, number>();
  for (const r of inserted) {
    if (r.key === USER_TAG && r.inserted)
      counts.set(Number(r.issue_id), (counts.get(Number(r.issue_id)) ?? 0) + 1);
  }
  return counts;
}

/** Per-issue hourly event counts (the issues are locked already, so rows are written in their order). */
async function upsertHourlyCounts(client: PoolClient, aggregates: IssueAggregate[]): Promise<void> {
  const rows = aggregates.flatMap((agg) =>
    agg.hourly.map((h) => ({ issue_id: agg.issueId, bucket: h.bucket, count: h.count })),
  );
  await insertRows(
    client,
    'issue_hourly_counts',
    rows,
    'ON CONFLICT (issue_id, bucket) DO UPDATE SET count = issue_hourly_counts.count + excluded.count',
  );
}
