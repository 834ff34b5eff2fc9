export { createSqliteStorage } from './create-sqlite-storage.ts';
export type { SqliteStorageOptions } from './create-sqlite-storage.ts';
export { SqliteWalCheckpointer } from './sqlite-wal-checkpointer.ts';
export type { CheckpointReport, WalCheckpointerOptions } from './sqlite-wal-checkpointer.ts';
