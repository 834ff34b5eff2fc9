import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';
import type { SqlDialect } from '../sql-dialect.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- schema builders are untyped by design */
type Db = Kysely<any>;
type Table = CreateTableBuilder<string, never>;

/**
 * Releases and deploys, and what sentry-cli uploads: sha1-addressed chunks (per organization),
 * artifact bundles with a file index by debug id and by release + URL, and legacy release files.
 * `dist` is '' for "no dist" so it can sit in unique keys (NULLs never collide there).
 */
export function releasesArtifactsSchema(dialect: SqlDialect) {
  const pg = dialect === 'postgres';
  const t = {
    time: pg ? ('bigint' as const) : ('integer' as const),
    blob: pg ? ('bytea' as const) : ('blob' as const),
    idType: pg ? ('bigint' as const) : ('integer' as const),
    id: (col: ColumnDefinitionBuilder) =>
      pg ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
  };
  return {
    async up(db: Db): Promise<void> {
      const withId = (name: string): Table =>
        db.schema.createTable(name).addColumn('id', t.idType, t.id) as Table;
      await createReleases(db, t, withId);
      await createArtifacts(db, t, withId);
    },
  };
}

interface Types {
  time: 'bigint' | 'integer';
  blob: 'bytea' | 'blob';
}
type WithId = (name: string) => Table;

const orgRef = (c: ColumnDefinitionBuilder) => c.notNull().references('organizations.id').onDelete('cascade');
const projectRef = (c: ColumnDefinitionBuilder) => c.notNull().references('projects.id').onDelete('cascade');

async function createReleases(db: Db, t: Types, withId: WithId): Promise<void> {
  await withId('releases')
    .addColumn('organization_id', 'bigint', orgRef)
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('ref', 'text')
    .addColumn('url', 'text')
    .addColumn('date_released', t.time)
    .addColumn('commits', 'text')
    .addColumn('commit_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addUniqueConstraint('releases_org_version_unique', ['organization_id', 'version'])
    .execute();
  await db.schema
    .createTable('release_projects')
    .addColumn('release_id', 'bigint', (c) => c.notNull().references('releases.id').onDelete('cascade'))
    .addColumn('project_id', 'bigint', projectRef)
    .addPrimaryKeyConstraint('release_projects_pk', ['release_id', 'project_id'])
    .execute();
  await db.schema
    .createIndex('release_projects_project')
    .on('release_projects')
    .column('project_id')
    .execute();
  await withId('deploys')
    .addColumn('release_id', 'bigint', (c) => c.notNull().references('releases.id').onDelete('cascade'))
    .addColumn('organization_id', 'bigint', orgRef)
    .addColumn('environment', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('url', 'text')
    .addColumn('date_started', t.time)
    .addColumn('date_finished', t.time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deploys_release').on('deploys').column('release_id').execute();
  await withId('release_files')
    .addColumn('release_id', 'bigint', (c) => c.notNull().references('releases.id').onDelete('cascade'))
    .addColumn('organization_id', 'bigint', orgRef)
    .addColumn('dist', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('content', t.blob, (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha1', 'text', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addUniqueConstraint('release_files_name_unique', ['release_id', 'dist', 'name'])
    .execute();
}

async function createArtifacts(db: Db, t: Types, withId: WithId): Promise<void> {
  await db.schema
    .createTable('artifact_chunks')
    .addColumn('organization_id', 'bigint', orgRef)
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('data', t.blob, (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addPrimaryKeyConstraint('artifact_chunks_pk', ['organization_id', 'checksum'])
    .execute();
  await withId('artifact_bundles')
    .addColumn('organization_id', 'bigint', orgRef)
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('bundle_id', 'text', (c) => c.notNull())
    .addColumn('release', 'text')
    .addColumn('dist', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('file_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.time, (c) => c.notNull())
    .addUniqueConstraint('artifact_bundles_checksum_unique', ['organization_id', 'checksum'])
    .execute();
  await db.schema
    .createTable('artifact_bundle_projects')
    .addColumn('bundle_id', 'bigint', (c) =>
      c.notNull().references('artifact_bundles.id').onDelete('cascade'),
    )
    .addColumn('project_id', 'bigint', projectRef)
    .addPrimaryKeyConstraint('artifact_bundle_projects_pk', ['bundle_id', 'project_id'])
    .execute();
  await db.schema
    .createIndex('artifact_bundle_projects_project')
    .on('artifact_bundle_projects')
    .column('project_id')
    .execute();
  await withId('artifact_files')
    .addColumn('bundle_id', 'bigint', (c) =>
      c.notNull().references('artifact_bundles.id').onDelete('cascade'),
    )
    .addColumn('organization_id', 'bigint', orgRef)
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('debug_id', 'text')
    .addColumn('release', 'text')
    .addColumn('dist', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('content', t.blob, (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('artifact_files_debug_id').on('artifact_files').column('debug_id').execute();
  await db.schema
    .createIndex('artifact_files_release_url')
    .on('artifact_files')
    .columns(['organization_id', 'release', 'url'])
    .execute();
  await db.schema.createIndex('artifact_files_bundle').on('artifact_files').column('bundle_id').execute();
}
