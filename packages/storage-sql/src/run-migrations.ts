import { Migrator } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import { AppError } from '@fixloop/core';
import { initialSchema } from './migrations/001-initial-schema.ts';
import { auditLogSchema } from './migrations/002-audit-log.ts';
import { accountsTeamsSchema } from './migrations/003-accounts-teams.ts';
import { releasesArtifactsSchema } from './migrations/005-releases-artifacts.ts';
import { issueWorkflowSchema } from './migrations/004-issue-workflow.ts';
import { jobDedupeSchema } from './migrations/006-job-dedupe.ts';
import { investigationsSchema } from './migrations/007-investigations.ts';
import { alertingSchema } from './migrations/008-alerting.ts';
import { autofixSchema } from './migrations/009-autofix.ts';
import { releaseStatusSchema } from './migrations/010-release-status.ts';
import type { SqlDialect } from './sql-dialect.ts';

function migrationsFor(dialect: SqlDialect): Record<string, Migration> {
  // Kysely applies them in name order; add new ones at the end with the next number.
  return {
    '001_initial_schema': initialSchema(dialect),
    '002_audit_log': auditLogSchema(dialect),
    '003_accounts_teams': accountsTeamsSchema(dialect),
    '005_releases_artifacts': releasesArtifactsSchema(dialect),
    '004_issue_workflow': issueWorkflowSchema(dialect),
    '006_job_dedupe': jobDedupeSchema(),
    '007_investigations': investigationsSchema(dialect),
    '008_alerting': alertingSchema(dialect),
    '009_autofix': autofixSchema(dialect),
    '010_release_status': releaseStatusSchema(),
  };
}

/**
 * Applies pending migrations. Kysely's Migrator takes a lock (an advisory lock on PostgreSQL), so
 * several processes may call this at once. `schema` names where the migration bookkeeping lives on
 * PostgreSQL: the Migrator looks for its table across all schemas unless told which one.
 */
export async function runMigrations(
  db: Kysely<unknown>,
  dialect: SqlDialect,
  schema?: string,
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrationsFor(dialect) },
    migrationTableName: 'fixloop_migration',
    migrationLockTableName: 'fixloop_migration_lock',
    // Migrations are independent (each adds its own tables/columns), so a database that already ran a
    // later-numbered one can still take an earlier one that landed afterwards.
    allowUnorderedMigrations: true,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError('internal', `migration ${failed} failed: ${String(error)}`, { cause: String(error) });
  }
}
