import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type { EventStore, StoredEvent, StoredUserReport } from '@fixloop/core';
import type { Database, UserReportsTable } from './database.ts';
import { decodeEventRecord } from './event-payload.ts';

export const EVENT_COLUMNS = [
  'project_id',
  'event_id',
  'issue_id',
  'timestamp',
  'received_at',
  'payload',
] as const;

export function toStoredEvent(row: {
  project_id: number;
  event_id: string;
  issue_id: number;
  timestamp: number;
  received_at: number;
  payload: Uint8Array;
}): StoredEvent {
  // Assigned to the decoded literal rather than spread into a new one: V8 gives a spread copy a hidden
  // class outside the transition tree, so adding a key to it makes a new hidden class per event.
  return Object.assign(decodeEventRecord(row), { issueId: Number(row.issue_id) });
}

export function toUserReport(r: Selectable<UserReportsTable>): StoredUserReport {
  return {
    id: Number(r.id),
    projectId: Number(r.project_id),
    eventId: r.event_id,
    issueId: r.issue_id === null ? null : Number(r.issue_id),
    name: r.name,
    email: r.email,
    comments: r.comments,
    url: r.url,
    source: r.source as StoredUserReport['source'],
    createdAt: new Date(Number(r.created_at)),
  };
}

type EventQueries = Pick<
  EventStore,
  | 'getAdjacentEventIds'
  | 'listRecentEvents'
  | 'listOutcomes'
  | 'findUserReport'
  | 'createUserReport'
  | 'updateUserReport'
>;

/** The Web API's event reads beyond the spine's: neighbours, recent events, outcomes, user reports. */
export function createSqlEventQueries(db: Kysely<Database>): EventQueries {
  const findReport = async (id: number) => {
    const row = await db.selectFrom('user_reports').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : toUserReport(row);
  };
  return {
    async getAdjacentEventIds(projectId, eventId) {
      const self = await db
        .selectFrom('events')
        .select(['id', 'issue_id', 'received_at'])
        .where('project_id', '=', projectId)
        .where('event_id', '=', eventId)
        .executeTakeFirst();
      if (self === undefined) return { previous: null, next: null };
      const neighbour = async (older: boolean) => {
        const row = await db
          .selectFrom('events')
          .select('event_id')
          .where('issue_id', '=', self.issue_id)
          .where((eb) =>
            eb.or([
              eb('received_at', older ? '<' : '>', self.received_at),
              eb.and([eb('received_at', '=', self.received_at), eb('id', older ? '<' : '>', self.id)]),
            ]),
          )
          .orderBy('received_at', older ? 'desc' : 'asc')
          .orderBy('id', older ? 'desc' : 'asc')
          .limit(1)
          .executeTakeFirst();
        return row?.event_id ?? null;
      };
      return { previous: await neighbour(true), next: await neighbour(false) };
    },
    async listRecentEvents(query) {
      if (query.projectIds.length === 0) return [];
      let q = db.selectFrom('events').select(EVENT_COLUMNS).where('project_id', 'in', query.projectIds);
      if (query.levels !== undefined && query.levels.length > 0) q = q.where('level', 'in', query.levels);
      for (const tag of query.issueTags ?? []) {
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('issue_tag_values as t')
              .select(sql.lit(1).as('one'))
              .whereRef('t.issue_id', '=', 'events.issue_id')
              .where('t.key', '=', tag.key)
              .where('t.value', '=', tag.value),
          ),
        );
      }
      const rows = await q
        .orderBy('received_at', 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit)
        .offset(query.offset)
        .execute();
      return rows.map(toStoredEvent);
    },
    async listOutcomes({ projectIds, start, end, category }) {
      if (projectIds.length === 0) return [];
      let q = db
        .selectFrom('outcomes')
        .selectAll()
        .where('project_id', 'in', projectIds)
        .where('bucket', '>=', start.getTime())
        .where('bucket', '<', end.getTime());
      if (category !== undefined) q = q.where('category', '=', category);
      const rows = await q.orderBy('bucket').execute();
      return rows.map((r) => ({
        projectId: Number(r.project_id),
        category: r.category,
        outcome: r.outcome,
        bucket: Number(r.bucket),
        quantity: Number(r.quantity),
      }));
    },
    async findUserReport(projectId, eventId) {
      const row = await db
        .selectFrom('user_reports')
        .selectAll()
        .where('project_id', '=', projectId)
        .where('event_id', '=', eventId)
        .orderBy('id')
        .executeTakeFirst();
      return row === undefined ? null : toUserReport(row);
    },
    async createUserReport(report) {
      const event =
        report.eventId === null
          ? undefined
          : await db
              .selectFrom('events')
              .select('issue_id')
              .where('project_id', '=', report.projectId)
              .where('event_id', '=', report.eventId)
              .executeTakeFirst();
      const row = await db
        .insertInto('user_reports')
        .values({
          project_id: report.projectId,
          event_id: report.eventId,
          issue_id: event === undefined ? null : Number(event.issue_id),
          name: report.name,
          email: report.email,
          comments: report.comments,
          url: report.url,
          source: report.source,
          created_at: report.createdAt.getTime(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toUserReport(row);
    },
    async updateUserReport(id, patch) {
      await db.updateTable('user_reports').set(patch).where('id', '=', id).execute();
      return findReport(id);
    },
  };
}
