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
      await dropTestSchema(connectionString, schema);
    },
  };
}

/** Test support: drops a schema made for a test run (the name is checked: tests only). */
export async function dropTestSchema(connectionString: string, schema: string): Promise<void> {
  if (!/^fixloop_test_[0-9a-f]+$/.test(schema)) throw new Error(`refusing to drop schema ${schema}`);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
