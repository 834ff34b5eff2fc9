import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { SecretSealer, Storage } from '@fixloop/core';
import { createSqlJobQueue, createSqlStores, runMigrations } from '@fixloop/storage-sql';
import type { Database as Schema } from '@fixloop/storage-sql';
import { createSqliteClaimJobs } from './sqlite-claim-jobs.ts';
import { createSqliteIngestStore } from './sqlite-ingest-store.ts';
import { SqliteWalCheckpointer } from './sqlite-wal-checkpointer.ts';

export interface SqliteStorageOptions {
  filename: string;
  /** Encrypts the secrets in project settings at rest. */
  secrets?: SecretSealer;
}

/**
 * The WAL restarts (its next frames overwrite it from the start) only when a write begins with every
 * frame backfilled, which the checkpoint thread, racing the writer's commits, never leaves behind
 * under steady ingest. So past WAL_RESTART_FRAMES (32 MB at 8 KB pages) the writer holds its next
 * write for one more checkpoint run (SqliteWalCheckpointer.restartPoint): 5-8 ms every ~0.4 s at
 * 2,600 events/s, with the event loop free. Before, only the writer's own auto-checkpoint at
 * WRITER_AUTOCHECKPOINT_PAGES restarted it, blocking the event loop 37-46 ms every ~1.5 s: the
 * half-peak p99 went from 36-40 to 11-12 ms (2026-12-07, docs/adr/0003). That auto-checkpoint stays as
 * the backstop for a lost or lagging thread. No `journal_size_limit`: cutting the WAL file back at each
 * restart made the stall ~55 ms. The file keeps its largest size until the database closes.
 */
const WRITER_AUTOCHECKPOINT_PAGES = 16_000;
const WAL_RESTART_FRAMES = 4_000;

export async function createSqliteStorage(options: SqliteStorageOptions): Promise<Storage> {
  if (options.filename !== ':memory:') mkdirSync(dirname(options.filename), { recursive: true });
  const raw = new Database(options.filename);
  // 8 KB pages measured best in bench/write-batch-bench.ts (4 KB: more B-tree splits for ~1-2 KB
  // compressed payload rows; 16 KB: more bytes per dirty index page in the WAL). New files only.
  raw.pragma('page_size = 8192');
  raw.pragma('journal_mode = WAL');
  // WAL + synchronous=NORMAL: a commit is durable against a killed process (the WAL is in the OS page
  // cache); only a power loss / OS crash can lose the last transactions, never corrupt the database.
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // 16 MiB of page cache: the hot index pages of ingest fit; more only adds resident memory.
  raw.pragma('cache_size = -16384');
  // A failing checkpoint thread needs no report: the writer's own auto-checkpoint below takes over.
  const checkpointer =
    options.filename === ':memory:'
      ? null
      : new SqliteWalCheckpointer({ filename: options.filename, restartAtFrames: WAL_RESTART_FRAMES });
  if (checkpointer) raw.pragma(`wal_autocheckpoint = ${WRITER_AUTOCHECKPOINT_PAGES}`);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: raw }) });

  return {
    dialect: 'sqlite',
    ingest: createSqliteIngestStore(
      raw,
      () => checkpointer?.request(),
      () => checkpointer?.restartPoint() ?? null,
    ),
    ...createSqlStores(db, 'sqlite', options.secrets),
    jobs: createSqlJobQueue(db, createSqliteClaimJobs(raw)),
    migrate: () => runMigrations(db as Kysely<unknown>, 'sqlite'),
    async ping() {
      await sql`SELECT 1`.execute(db);
    },
    async close() {
      await checkpointer?.close();
      // Kysely's SQLite driver closes the better-sqlite3 handle.
      await db.destroy();
    },
  };
}
