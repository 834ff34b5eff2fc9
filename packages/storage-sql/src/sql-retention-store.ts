import type { Kysely } from 'kysely';
import type { RetentionStore } from '@fixloop/core';
import type { Database } from './database.ts';

export function createSqlRetentionStore(db: Kysely<Database>): RetentionStore {
  return {
    async purgeEvents(projectId, before) {
      const cutoff = before.getTime();
      // Attachments have no FK to events (they may arrive first), so they go explicitly.
      await db
        .deleteFrom('attachments')
        .where('project_id', '=', projectId)
        .where('event_id', 'in', (eb) =>
          eb
            .selectFrom('events')
            .select('event_id')
            .where('project_id', '=', projectId)
            .where('received_at', '<', cutoff),
        )
        .execute();
      const result = await db
        .deleteFrom('events')
        .where('project_id', '=', projectId)
        .where('received_at', '<', cutoff)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async purgeTimelines(projectId, before) {
      const result = await db
        .deleteFrom('event_timelines')
        .where('project_id', '=', projectId)
        .where('received_at', '<', before.getTime())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async purgeFinishedJobs(before) {
      const result = await db
        .deleteFrom('jobs')
        .where('state', 'in', ['done', 'failed'])
        .where('finished_at', '<', before.getTime())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async purgeAlertDeliveries(before) {
      const result = await db
        .deleteFrom('alert_deliveries')
        .where('status', '!=', 'pending')
        .where('updated_at', '<', before.getTime())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
