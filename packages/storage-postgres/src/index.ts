export { createPostgresStorage } from './create-postgres-storage.ts';
export type { PostgresStorageOptions } from './create-postgres-storage.ts';
