import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { IssueWorkflowStore } from '@fixloop/core';
import type { Database } from './database.ts';

type Lifecycle = Pick<IssueWorkflowStore, 'expireIgnores' | 'deleteIssues'>;

export function createSqlIssueLifecycle(db: Kysely<Database>): Lifecycle {
  return {
    /**
     * Sentry's "clear expired snoozes": ignored issues whose duration ended come back as ongoing even
     * without a new event (with one, ingest already did it). Uses the ignore_until index.
     */
    async expireIgnores(now) {
      return db.transaction().execute(async (trx) => {
        const due = await trx
          .selectFrom('issues')
          .select(['id', 'project_id'])
          .where('ignore_until', '<=', now.getTime())
          .where('status', '=', 'ignored')
          .execute();
        if (due.length === 0) return [];
        const ids = due.map((r) => Number(r.id));
        await trx
          .updateTable('issues')
          .set({ status: 'unresolved', substatus: 'ongoing', status_details: '{}', ignore_until: null })
          .where('id', 'in', ids)
          .execute();
        await trx
          .insertInto('issue_activities')
          .values(
            due.map((r) => ({
              issue_id: Number(r.id),
              project_id: Number(r.project_id),
              type: 'set_unresolved',
              user_id: null,
              data: JSON.stringify({ reason: 'ignore_duration' }),
              created_at: now.getTime(),
            })),
          )
          .execute();
        return ids;
      });
    },
    /** Events, hashes, tags, counts and activities go by cascade; attachments and timelines have none. */
    async deleteIssues(issueIds) {
      if (issueIds.length === 0) return 0;
      return db.transaction().execute(async (trx) => {
        const owned = sql`(project_id, event_id) IN (SELECT project_id, event_id FROM events WHERE issue_id IN (${sql.join(issueIds)}))`;
        await sql`DELETE FROM attachments WHERE ${owned}`.execute(trx);
        await sql`DELETE FROM event_timelines WHERE ${owned}`.execute(trx);
        const result = await trx.deleteFrom('issues').where('id', 'in', issueIds).executeTakeFirst();
        return Number(result.numDeletedRows);
      });
    },
  };
}
