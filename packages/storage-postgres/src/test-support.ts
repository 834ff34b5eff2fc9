export { startTestPostgres } from './test-database.ts';
export type { TestPostgres } from './test-database.ts';
export { createTestSchemaStorage } from './postgres-test-schema.ts';
