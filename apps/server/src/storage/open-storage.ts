import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DatabaseConfig } from '@fixloop/config';
import type { Storage } from '@fixloop/core';
import { createPostgresStorage } from '@fixloop/storage-postgres';
import { createSqliteStorage } from '@fixloop/storage-sqlite';

/** Opens the configured database and brings its schema up to date. */
export async function openStorage(database: DatabaseConfig): Promise<Storage> {
  let storage: Storage;
  if (database.dialect === 'postgres') {
    storage = await createPostgresStorage({
      connectionString: database.connectionString,
      ...(database.schema === undefined ? {} : { schema: database.schema }),
    });
  } else {
    await mkdir(dirname(database.filename), { recursive: true });
    storage = await createSqliteStorage({ filename: database.filename });
  }
  try {
    await storage.migrate();
  } catch (error) {
    await storage.close().catch(() => {});
    throw error;
  }
  return storage;
}
