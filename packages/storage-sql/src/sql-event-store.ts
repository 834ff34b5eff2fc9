import type { Kysely } from 'kysely';
import type { EventStore } from '@fixloop/core';
import type { Database } from './database.ts';
import { decodeTimeline } from './event-payload.ts';
import { EVENT_COLUMNS, createSqlEventQueries, toStoredEvent, toUserReport } from './sql-event-queries.ts';
import { searchEvents } from './sql-event-search.ts';

const HOUR_MS = 3_600_000;

export function createSqlEventStore(db: Kysely<Database>): EventStore {
  return {
    ...createSqlEventQueries(db),
    searchEvents: (query) => searchEvents(db, query),
    async getEvent(projectId, eventId) {
      const row = await db
        .selectFrom('events')
        .select(EVENT_COLUMNS)
        .where('project_id', '=', projectId)
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      return row === undefined ? null : toStoredEvent(row);
    },
    async listIssueEvents(issueId, { limit, offset, order = 'newest' }) {
      const direction = order === 'newest' ? 'desc' : 'asc';
      const rows = await db
        .selectFrom('events')
        .select(EVENT_COLUMNS)
        .where('issue_id', '=', issueId)
        .orderBy('received_at', direction)
        .orderBy('id', direction)
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map(toStoredEvent);
    },
    async countEvents(projectId) {
      const row = await db
        .selectFrom('events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('project_id', '=', projectId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async getTimeline(projectId, eventId) {
      const row = await db
        .selectFrom('event_timelines')
        .select('entries')
        .where('project_id', '=', projectId)
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      return row === undefined ? null : decodeTimeline(row.entries);
    },
    async listAttachments(projectId, eventId) {
      const rows = await db
        .selectFrom('attachments')
        .select([
          'id',
          'project_id',
          'event_id',
          'filename',
          'content_type',
          'attachment_type',
          'size',
          'created_at',
        ])
        .where('project_id', '=', projectId)
        .where('event_id', '=', eventId)
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: Number(r.id),
        projectId: Number(r.project_id),
        eventId: r.event_id,
        filename: r.filename,
        contentType: r.content_type,
        attachmentType: r.attachment_type,
        size: Number(r.size),
        createdAt: new Date(Number(r.created_at)),
      }));
    },
    async getAttachmentData(id) {
      const row = await db.selectFrom('attachments').select('data').where('id', '=', id).executeTakeFirst();
      return row === undefined ? null : new Uint8Array(row.data);
    },
    async listUserReports(projectId, { limit, offset }) {
      const rows = await db
        .selectFrom('user_reports')
        .selectAll()
        .where('project_id', '=', projectId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map(toUserReport);
    },
    async outcomeTotals(projectId, since) {
      const bucketFrom = Math.floor(since.getTime() / HOUR_MS) * HOUR_MS;
      const rows = await db
        .selectFrom('outcomes')
        .select(['category', 'outcome', (eb) => eb.fn.sum<number>('quantity').as('quantity')])
        .where('project_id', '=', projectId)
        .where('bucket', '>=', bucketFrom)
        .groupBy(['category', 'outcome'])
        .orderBy('category')
        .orderBy('outcome')
        .execute();
      return rows.map((r) => ({ category: r.category, outcome: r.outcome, quantity: Number(r.quantity) }));
    },
  };
}
