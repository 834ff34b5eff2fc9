import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../sql-dialect.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- schema builders are untyped by design */
/**
 * Issue workflow: assignee, public flag and ignore deadline on issues; bookmarks, seen and
 * subscriptions per user; the activity log (comments are `note` activities); redirects of merged
 * issue ids; and per-issue hourly event counts for list stats, trends and charts (backfilled).
 */
export function issueWorkflowSchema(dialect: SqlDialect) {
  const pg = dialect === 'postgres';
  const time = pg ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('issues').addColumn('assignee_type', 'text').execute();
      await db.schema.alterTable('issues').addColumn('assignee_id', 'bigint').execute();
      await db.schema
        .alterTable('issues')
        .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('issues').addColumn('ignore_until', time).execute();
      // Not on ingest's UPDATE list, so it costs ingest nothing; expiry finds due issues without a scan.
      await db.schema.createIndex('issues_ignore_until').on('issues').column('ignore_until').execute();

      for (const table of ['issue_bookmarks', 'issue_seen', 'issue_subscriptions']) {
        let builder = db.schema
          .createTable(table)
          .addColumn('issue_id', 'bigint', (c) => c.notNull().references('issues.id').onDelete('cascade'))
          .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('at', time, (c) => c.notNull());
        if (table === 'issue_subscriptions')
          builder = builder.addColumn('is_subscribed', 'integer', (c) => c.notNull());
        await builder.addPrimaryKeyConstraint(`${table}_pk`, ['issue_id', 'user_id']).execute();
      }

      await db.schema
        .createTable('issue_activities')
        .addColumn('id', pg ? 'bigint' : 'integer', (c) =>
          pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
        )
        .addColumn('issue_id', 'bigint', (c) => c.notNull().references('issues.id').onDelete('cascade'))
        .addColumn('project_id', 'bigint', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('user_id', 'bigint', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('issue_activities_issue')
        .on('issue_activities')
        .columns(['issue_id', 'type', 'id'])
        .execute();

      await db.schema
        .createTable('issue_redirects')
        .addColumn('issue_id', 'bigint', (c) => c.primaryKey())
        .addColumn('project_id', 'bigint', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('short_id', time, (c) => c.notNull())
        .addColumn('target_issue_id', 'bigint', (c) =>
          c.notNull().references('issues.id').onDelete('cascade'),
        )
        .addColumn('created_at', time, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('issue_redirects_short_id')
        .on('issue_redirects')
        .columns(['project_id', 'short_id'])
        .execute();
      await db.schema
        .createIndex('issue_redirects_target')
        .on('issue_redirects')
        .column('target_issue_id')
        .execute();

      await db.schema
        .createTable('issue_hourly_counts')
        .addColumn('issue_id', 'bigint', (c) => c.notNull().references('issues.id').onDelete('cascade'))
        .addColumn('bucket', time, (c) => c.notNull())
        .addColumn('count', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('issue_hourly_counts_pk', ['issue_id', 'bucket'])
        .execute();
      await sql`INSERT INTO issue_hourly_counts (issue_id, bucket, count)
        SELECT issue_id, (timestamp / 3600000) * 3600000, count(*) FROM events
        GROUP BY issue_id, (timestamp / 3600000) * 3600000`.execute(db);
    },
  };
}
