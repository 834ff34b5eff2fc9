import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { AppError } from '@fixloop/core';
import type { SecretSealer, Storage } from '@fixloop/core';
import { createSqlJobQueue, createSqlStores, runMigrations } from '@fixloop/storage-sql';
import type { Database } from '@fixloop/storage-sql';
import { createPostgresClaimJobs } from './postgres-claim-jobs.ts';
import { createPostgresIngestStore } from './postgres-ingest-store.ts';
import { SchemaScopedPostgresDialect } from './schema-scoped-postgres-dialect.ts';

export interface PostgresStorageOptions {
  connectionString: string;
  /** Created when missing and used through search_path (tests isolate with a random schema). */
  schema?: string;
  maxConnections?: number;
  /** Encrypts the secrets in project settings at rest. */
  secrets?: SecretSealer;
}

const INT8_OID = 20;

/** Epoch-ms timestamps and ids are BIGINT; as JS numbers they are exact up to 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

export async function createPostgresStorage(options: PostgresStorageOptions): Promise<Storage> {
  const { schema } = options;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new AppError('config_invalid', `invalid PostgreSQL schema name "${schema}"`);
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    types,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client's error (e.g. the server restarted) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  if (schema !== undefined) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const db = new Kysely<Database>({
    dialect: new SchemaScopedPostgresDialect(new PostgresDialect({ pool }), schema ?? 'public'),
  });

  return {
    dialect: 'postgres',
    ingest: createPostgresIngestStore(pool),
    ...createSqlStores(db, 'postgres', options.secrets),
    jobs: createSqlJobQueue(db, createPostgresClaimJobs(pool)),
    migrate: () => runMigrations(db as Kysely<unknown>, 'postgres', schema ?? 'public'),
    async ping() {
      await sql`SELECT 1`.execute(db);
    },
    async close() {
      // Kysely's PostgreSQL driver ends the pool.
      await db.destroy();
    },
  };
}
