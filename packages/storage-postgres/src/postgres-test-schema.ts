import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Storage } from '@fixloop/core';
import { createPostgresStorage } from './create-postgres-storage.ts';

/** Test support: a Storage in a fresh random schema, dropped again by `teardown`. */
export async function createTestSchemaStorage(
  connectionString: string,
  maxConnections = 4,
): Promise<{ storage: Storage; schema: string; teardown(): Promise<void> }> {
  const schema = `fixloop_test_${randomBytes(6).toString('hex')}`;
  const storage = await createPostgresStorage({ connectionString, schema, maxConnections });
  return {
    storage,
    schema,
    async teardown() {
      await storage.close();
      const client = new pg.Client({ connectionString });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
