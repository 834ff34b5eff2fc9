import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestSchemaStorage } from './postgres-test-schema.ts';
import { startTestPostgres } from './test-database.ts';
import type { TestPostgres } from './test-database.ts';

let server: TestPostgres | undefined;
try {
  server = await startTestPostgres(process.env['FIXLOOP_TEST_DATABASE_URL']);
} catch (error) {
  console.warn(`\n!!! PostgreSQL migration race test SKIPPED: no database (${String(error)}) !!!\n`);
}

/**
 * Kysely's Migrator scans the catalog of every schema. Several Fixloop databases in one PostgreSQL (test
 * runs, tenants, a DBA at work) create and drop schemas while an instance boots; its migrations must
 * still succeed.
 */
describe.skipIf(server === undefined)('postgres: migrations while other schemas come and go', () => {
  afterAll(() => server?.stop());

  it('migrates fresh schemas while another client keeps dropping schemas', async () => {
    const connectionString = server?.connectionString ?? '';
    const churn = new pg.Client({ connectionString });
    await churn.connect();
    let running = true;
    let dropped = 0;
    const churning = (async () => {
      for (let i = 0; running; i++) {
        const name = `fixloop_test_churn${process.pid.toString(16)}${i.toString(16)}`;
        await churn.query(`CREATE SCHEMA ${name}`);
        await churn.query(`CREATE TABLE ${name}.t (id int)`);
        await churn.query(`DROP SCHEMA ${name} CASCADE`);
        dropped += 1;
      }
    })();
    try {
      for (let round = 0; round < 8; round++) {
        const { storage, teardown } = await createTestSchemaStorage(connectionString, 2);
        try {
          await expect(storage.migrate()).resolves.toBeUndefined();
        } finally {
          await teardown();
        }
      }
    } finally {
      running = false;
      await churning;
      await churn.end();
    }
    expect(dropped).toBeGreaterThan(8);
  }, 120_000);
});
