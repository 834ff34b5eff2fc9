import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- schema builders are untyped by design */
/**
 * `jobs.dedupe_key` makes "enqueue once per schedule slot" a unique-index insert, so several Fixloop
 * instances on one PostgreSQL run each recurring slot exactly once. NULLs do not collide.
 */
export function jobDedupeSchema() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('jobs').addColumn('dedupe_key', 'text').execute();
      await db.schema.createIndex('jobs_dedupe_key').on('jobs').column('dedupe_key').unique().execute();
    },
  };
}
