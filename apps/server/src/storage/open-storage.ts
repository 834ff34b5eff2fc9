import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DatabaseConfig } from '@fixloop/config';
import type { SecretSealer, Storage } from '@fixloop/core';

/**
 * Opens the configured database and brings its schema up to date. Each adapter is imported only when
 * chosen, so the embedded default never loads pg (and the bundle keeps them in separate chunks).
 */
export async function openStorage(
  database: DatabaseConfig,
  options: { secrets?: SecretSealer } = {},
): Promise<Storage> {
  let storage: Storage;
  if (database.dialect === 'postgres') {
    const { createPostgresStorage } = await import('@fixloop/storage-postgres');
    storage = await createPostgresStorage({
      connectionString: database.connectionString,
      ...(database.schema === undefined ? {} : { schema: database.schema }),
      ...(options.secrets && { secrets: options.secrets }),
    });
  } else {
    await mkdir(dirname(database.filename), { recursive: true });
    const { createSqliteStorage } = await import('@fixloop/storage-sqlite');
    storage = await createSqliteStorage({
      filename: database.filename,
      ...(options.secrets && { secrets: options.secrets }),
    });
  }
  try {
    await storage.migrate();
  } catch (error) {
    await storage.close().catch(() => {});
    throw error;
  }
  return storage;
}
