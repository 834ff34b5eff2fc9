import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseConfig } from '@fixloop/config';
import { dropTestSchema } from '@fixloop/storage-postgres/test-database';
import type { TestBackend } from './test-fixloop.ts';

/** A fresh database for a test that needs storage without a server: a temp SQLite file or a PG schema. */
export async function testDatabaseConfig(
  backend: TestBackend,
): Promise<{ config: DatabaseConfig; drop(): Promise<void> }> {
  const url = process.env['FIXLOOP_TEST_DATABASE_URL'];
  if (backend === 'postgres' && url) {
    const schema = `fixloop_test_${randomBytes(6).toString('hex')}`;
    return {
      config: { dialect: 'postgres', connectionString: url, schema },
      drop: () => dropTestSchema(url, schema),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'fixloop-db-'));
  return {
    config: { dialect: 'sqlite', filename: join(dir, 'fixloop.db') },
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}
