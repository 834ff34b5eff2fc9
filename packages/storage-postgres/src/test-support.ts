export { startTestPostgres } from './test-database.ts';
export type { TestPostgres } from './test-database.ts';
export { createTestSchemaStorage, dropTestSchema } from './postgres-test-schema.ts';
