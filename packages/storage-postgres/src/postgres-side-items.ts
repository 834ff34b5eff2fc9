import type { PoolClient } from 'pg';
import type { IngestBatch } from '@fixloop/core';
import { aggregateOutcomes, attachmentRow, timelineBlobOf } from '@fixloop/storage-sql';
import type { Candidate } from './postgres-issue-resolution.ts';
import { insertRows } from './postgres-rows.ts';

/** Timelines, attachments, user reports and outcomes of a batch, one statement each. */
export async function writeSideItems(
  client: PoolClient,
  batch: IngestBatch,
  candidates: Candidate[],
): Promise<void> {
  const timelines = candidates.flatMap(({ write }) => {
    const entries = timelineBlobOf(write);
    if (entries === null) return [];
    const { projectId, eventId, receivedAt } = write.event;
    return [{ project_id: projectId, event_id: eventId, received_at: receivedAt.getTime(), entries }];
  });
  await insertRows(client, 'event_timelines', timelines, 'ON CONFLICT DO NOTHING');
  await insertRows(client, 'attachments', batch.attachments.map(attachmentRow));
  await insertUserReports(client, batch);
  await insertRows(
    client,
    'outcomes',
    aggregateOutcomes(batch.outcomes) as unknown as Record<string, unknown>[],
    'ON CONFLICT (project_id, category, outcome, bucket) DO UPDATE SET quantity = outcomes.quantity + excluded.quantity',
  );
}

async function insertUserReports(client: PoolClient, batch: IngestBatch): Promise<void> {
  if (batch.userReports.length === 0) return;
  const linked = batch.userReports.filter((r) => r.eventId !== null);
  const { rows } = await client.query<{ project_id: number; event_id: string; issue_id: number }>(
    `SELECT e.project_id, e.event_id, e.issue_id FROM events e
     JOIN unnest($1::bigint[], $2::text[]) AS u(project_id, event_id)
       ON e.project_id = u.project_id AND e.event_id = u.event_id`,
    [linked.map((r) => r.projectId), linked.map((r) => r.eventId)],
  );
  const issueOf = new Map(rows.map((r) => [`${r.project_id}\u0000${r.event_id}`, Number(r.issue_id)]));
  await insertRows(
    client,
    'user_reports',
    batch.userReports.map((r) => ({
      project_id: r.projectId,
      event_id: r.eventId,
      issue_id: r.eventId === null ? null : (issueOf.get(`${r.projectId}\u0000${r.eventId}`) ?? null),
      name: r.name,
      email: r.email,
      comments: r.comments,
      url: r.url,
      source: r.source,
      created_at: r.createdAt.getTime(),
    })),
  );
}
