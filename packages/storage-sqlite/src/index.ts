export { createSqliteStorage } from './create-sqlite-storage.ts';
export type { SqliteStorageOptions } from './create-sqlite-storage.ts';
