import type { Kysely } from 'kysely';
import type { SqlDialect } from '../sql-dialect.ts';
import { tableWithId } from './table-with-id.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- schema builders are untyped by design */
/**
 * Alerting: channels (secrets sealed in `config`), rules per organization or project, the delivery log,
 * the throttle/cursor state every instance shares (compare-and-set on `version`), Slack threads per issue
 * and the pipeline steps published about each issue.
 */
export function alertingSchema(dialect: SqlDialect) {
  const pg = dialect === 'postgres';
  const time = pg ? 'bigint' : 'integer';
  const id = tableWithId(dialect);
  const organization = (c: any) => c.references('organizations.id').onDelete('cascade');
  return {
    async up(db: Kysely<any>): Promise<void> {
      await id('alert_channels')(db)
        .addColumn('organization_id', 'bigint', (c) => organization(c).notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('quiet_hours', 'text')
        .addColumn('max_per_minute', 'integer')
        .addColumn('allow_private_networks', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('system_alerts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .addUniqueConstraint('alert_channels_org_name', ['organization_id', 'name'])
        .execute();
      await id('alert_rules')(db)
        .addColumn('organization_id', 'bigint', (c) => organization(c).notNull())
        .addColumn('project_id', 'bigint', (c) => c.references('projects.id').onDelete('cascade'))
        .addColumn('key', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('triggers', 'text', (c) => c.notNull())
        .addColumn('filters', 'text', (c) => c.notNull())
        .addColumn('channels', 'text', (c) => c.notNull())
        .addColumn('throttle_window_minutes', 'integer', (c) => c.notNull())
        .addColumn('digest_threshold', 'integer', (c) => c.notNull())
        .addColumn('snoozed_until', time)
        .addColumn('scheduled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .addUniqueConstraint('alert_rules_org_key', ['organization_id', 'key'])
        .execute();
      await db.schema
        .createIndex('alert_rules_org_project')
        .on('alert_rules')
        .columns(['organization_id', 'project_id'])
        .execute();
      await id('alert_deliveries')(db)
        .addColumn('organization_id', 'bigint', (c) => organization(c))
        .addColumn('rule_id', 'bigint')
        .addColumn('channel_id', 'bigint', (c) => c.notNull())
        .addColumn('channel_kind', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('issue_id', 'bigint')
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('provider_message_id', 'text')
        .addColumn('error', 'text')
        .addColumn('dedupe_key', 'text', (c) => c.unique())
        .addColumn('payload', 'text')
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .execute();
      for (const [name, columns] of [
        ['alert_deliveries_org', ['organization_id', 'id']],
        ['alert_deliveries_channel', ['channel_id', 'id']],
      ] as const) {
        await db.schema
          .createIndex(name)
          .on('alert_deliveries')
          .columns([...columns])
          .execute();
      }
      await db.schema
        .createTable('alert_throttle_state')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('slack_threads')
        .addColumn('issue_id', 'bigint', (c) => c.notNull().references('issues.id').onDelete('cascade'))
        .addColumn('alert_channel_id', 'bigint', (c) =>
          c.notNull().references('alert_channels.id').onDelete('cascade'),
        )
        .addColumn('slack_channel', 'text', (c) => c.notNull())
        .addColumn('ts', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('slack_threads_pk', ['issue_id', 'alert_channel_id'])
        .execute();
      await id('alert_pipeline_events')(db)
        .addColumn('issue_id', 'bigint', (c) => c.notNull().references('issues.id').onDelete('cascade'))
        .addColumn('project_id', 'bigint', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('alert_pipeline_events_issue')
        .on('alert_pipeline_events')
        .columns(['issue_id', 'id'])
        .execute();
      await db.schema
        .createIndex('alert_pipeline_events_project')
        .on('alert_pipeline_events')
        .columns(['project_id', 'created_at'])
        .execute();
    },
  };
}
