import { sql } from 'kysely';
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { SqlDialect } from '../sql-dialect.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- schema builders are untyped by design */
type Db = Kysely<any>;
type Table = CreateTableBuilder<string, never>;

/** The column types that differ between the dialects; everything else is written once. */
function columnTypes(dialect: SqlDialect) {
  const pg = dialect === 'postgres';
  return {
    time: pg ? ('bigint' as const) : ('integer' as const),
    count: pg ? ('bigint' as const) : ('integer' as const),
    blob: pg ? ('bytea' as const) : ('blob' as const),
    id: (col: ColumnDefinitionBuilder) =>
      pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
  };
}

export function initialSchema(dialect: SqlDialect) {
  const t = columnTypes(dialect);
  const withId = (table: Table): Table =>
    table.addColumn('id', dialect === 'postgres' ? 'bigint' : 'integer', t.id) as Table;
  return {
    async up(db: Db): Promise<void> {
      await createAccounts(db, t, withId);
      await createIssues(db, t, withId);
      await createEvents(db, t, withId);
      await createJobs(db, t, withId);
    },
  };
}

type Types = ReturnType<typeof columnTypes>;
type WithId = (table: Table) => Table;

async function createAccounts(db: Db, t: Types, withId: WithId): Promise<void> {
  await withId(db.schema.createTable('organizations') as Table)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await withId(db.schema.createTable('projects') as Table)
    .addColumn('organization_id', 'bigint', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('platform', 'text')
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('next_short_id', t.count, (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addUniqueConstraint('projects_org_slug_unique', ['organization_id', 'slug'])
    .execute();
  await withId(db.schema.createTable('project_keys') as Table)
    .addColumn('project_id', 'bigint', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('public_key', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_keys_project').on('project_keys').column('project_id').execute();
  await withId(db.schema.createTable('users') as Table)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('is_superuser', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('organization_members')
    .addColumn('organization_id', 'bigint', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('organization_members_pk', ['organization_id', 'user_id'])
    .execute();
  await withId(db.schema.createTable('api_tokens') as Table)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('token_prefix', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('user_id', 'bigint', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('last_used_at', t.time)
    .execute();
}

async function createIssues(db: Db, t: Types, withId: WithId): Promise<void> {
  await withId(db.schema.createTable('issues') as Table)
    .addColumn('project_id', 'bigint', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('short_id', t.count, (c) => c.notNull())
    .addColumn('primary_hash', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('culprit', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('substatus', 'text')
    .addColumn('status_details', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('error_class', 'text', (c) => c.notNull())
    .addColumn('severity_override', 'text')
    .addColumn('error_class_override', 'text')
    .addColumn('first_seen', t.time, (c) => c.notNull())
    .addColumn('last_seen', t.time, (c) => c.notNull())
    .addColumn('times_seen', t.count, (c) => c.notNull().defaultTo(0))
    .addColumn('user_count', t.count, (c) => c.notNull().defaultTo(0))
    .addColumn('first_release', 'text')
    .addColumn('last_release', 'text')
    .addColumn('resolved_at', t.time)
    .addUniqueConstraint('issues_project_short_id_unique', ['project_id', 'short_id'])
    .execute();
  const index = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('issues').columns(columns).execute();
  await index('issues_project_status_last_seen', ['project_id', 'status', 'last_seen']);
  await index('issues_project_last_seen', ['project_id', 'last_seen']);
  await index('issues_project_first_seen', ['project_id', 'first_seen']);
  await index('issues_project_times_seen', ['project_id', 'times_seen']);
  await db.schema
    .createTable('issue_hashes')
    .addColumn('project_id', 'bigint', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('issue_id', 'bigint', (c) => c.notNull().references('issues.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('issue_hashes_pk', ['project_id', 'hash'])
    .execute();
  await db.schema.createIndex('issue_hashes_issue').on('issue_hashes').column('issue_id').execute();
  await db.schema
    .createTable('issue_tag_values')
    .addColumn('issue_id', 'bigint', (c) => c.notNull().references('issues.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('times_seen', t.count, (c) => c.notNull())
    .addColumn('first_seen', t.time, (c) => c.notNull())
    .addColumn('last_seen', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('issue_tag_values_pk', ['issue_id', 'key', 'value'])
    .execute();
}

async function createEvents(db: Db, t: Types, withId: WithId): Promise<void> {
  await withId(db.schema.createTable('events') as Table)
    .addColumn('project_id', 'bigint', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('issue_id', 'bigint', (c) => c.notNull().references('issues.id').onDelete('cascade'))
    .addColumn('timestamp', t.time, (c) => c.notNull())
    .addColumn('received_at', t.time, (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('environment', 'text', (c) => c.notNull())
    .addColumn('release', 'text')
    .addColumn('user_key', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('payload', t.blob, (c) => c.notNull())
    .addUniqueConstraint('events_project_event_unique', ['project_id', 'event_id'])
    .execute();
  await db.schema
    .createIndex('events_issue_received')
    .on('events')
    .columns(['issue_id', 'received_at'])
    .execute();
  await db.schema
    .createIndex('events_project_received')
    .on('events')
    .columns(['project_id', 'received_at'])
    .execute();
  await db.schema
    .createTable('event_timelines')
    .addColumn('project_id', 'bigint', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('received_at', t.time, (c) => c.notNull())
    .addColumn('entries', t.blob, (c) => c.notNull())
    .addPrimaryKeyConstraint('event_timelines_pk', ['project_id', 'event_id'])
    .execute();
  await db.schema
    .createIndex('event_timelines_project_received')
    .on('event_timelines')
    .columns(['project_id', 'received_at'])
    .execute();
  await withId(db.schema.createTable('attachments') as Table)
    .addColumn('project_id', 'bigint', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text')
    .addColumn('attachment_type', 'text', (c) => c.notNull())
    .addColumn('size', t.count, (c) => c.notNull())
    .addColumn('data', t.blob, (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attachments_project_event')
    .on('attachments')
    .columns(['project_id', 'event_id'])
    .execute();
  await withId(db.schema.createTable('user_reports') as Table)
    .addColumn('project_id', 'bigint', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('event_id', 'text')
    .addColumn('issue_id', 'bigint', (c) => c.references('issues.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('comments', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('user_reports_project_created')
    .on('user_reports')
    .columns(['project_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('outcomes')
    .addColumn('project_id', 'bigint', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('bucket', t.time, (c) => c.notNull())
    .addColumn('quantity', t.count, (c) => c.notNull())
    .addPrimaryKeyConstraint('outcomes_pk', ['project_id', 'category', 'outcome', 'bucket'])
    .execute();
}

async function createJobs(db: Db, t: Types, withId: WithId): Promise<void> {
  await withId(db.schema.createTable('jobs') as Table)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('concurrency_key', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_at', t.time, (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_at', t.time)
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addColumn('finished_at', t.time)
    .execute();
  await db.schema.createIndex('jobs_state_run_at').on('jobs').columns(['state', 'run_at']).execute();
  // Safety net under the claim logic: two running jobs with one concurrency key can never commit.
  await db.schema
    .createIndex('jobs_running_concurrency_key')
    .on('jobs')
    .column('concurrency_key')
    .unique()
    .where(sql.ref('state'), '=', 'running')
    .execute();
}
