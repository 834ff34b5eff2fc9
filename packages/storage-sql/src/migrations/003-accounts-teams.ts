import type { Kysely } from 'kysely';
import type { SqlDialect } from '../sql-dialect.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- schema builders are untyped by design */
type Db = Kysely<any>;

/** Teams (which own projects), dashboard login sessions, and the bits tokens and members lacked. */
export function accountsTeamsSchema(dialect: SqlDialect) {
  const pg = dialect === 'postgres';
  const time = pg ? ('bigint' as const) : ('integer' as const);
  return {
    async up(db: Db): Promise<void> {
      await createTeams(db, pg, time);
      await db.schema
        .createTable('login_sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('last_seen_at', time, (c) => c.notNull())
        .addColumn('expires_at', time, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('login_sessions_user').on('login_sessions').column('user_id').execute();
      await db.schema
        .createIndex('login_sessions_expires')
        .on('login_sessions')
        .column('expires_at')
        .execute();
      await db.schema
        .alterTable('api_tokens')
        .addColumn('token_last_characters', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();
      await db.schema
        .alterTable('organization_members')
        .addColumn('created_at', time, (c) => c.notNull().defaultTo(0))
        .execute();
    },
  };
}

async function createTeams(db: Db, pg: boolean, time: 'bigint' | 'integer'): Promise<void> {
  await db.schema
    .createTable('teams')
    .addColumn('id', pg ? 'bigint' : 'integer', (c) =>
      pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    )
    .addColumn('organization_id', 'bigint', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addUniqueConstraint('teams_org_slug_unique', ['organization_id', 'slug'])
    .execute();
  await db.schema
    .createTable('team_members')
    .addColumn('team_id', 'bigint', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'user_id'])
    .execute();
  await db.schema.createIndex('team_members_user').on('team_members').column('user_id').execute();
  await db.schema
    .createTable('project_teams')
    .addColumn('team_id', 'bigint', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('project_id', 'bigint', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('project_teams_pk', ['team_id', 'project_id'])
    .execute();
  await db.schema.createIndex('project_teams_project').on('project_teams').column('project_id').execute();
}
