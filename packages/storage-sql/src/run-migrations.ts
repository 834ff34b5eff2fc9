import { Migrator } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import { AppError } from '@fixloop/core';
import { initialSchema } from './migrations/001-initial-schema.ts';
import type { SqlDialect } from './sql-dialect.ts';

function migrationsFor(dialect: SqlDialect): Record<string, Migration> {
  return { '001_initial_schema': initialSchema(dialect) };
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
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError('internal', `migration ${failed} failed: ${String(error)}`, { cause: String(error) });
  }
}
