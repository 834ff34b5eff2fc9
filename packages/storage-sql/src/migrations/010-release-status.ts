import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- schema builders are untyped by design */
/**
 * `releases.status`: Sentry's `open` / `archived`, which `sentry-cli releases archive|restore` set.
 * Archived releases drop out of the default release list but keep their files and deploys.
 */
export function releaseStatusSchema() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .alterTable('releases')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
        .execute();
    },
  };
}
