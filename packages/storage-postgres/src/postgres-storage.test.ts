import { afterAll, beforeAll, describe, it } from 'vitest';
import { describeStorageContract } from '@fixloop/storage-contract';
import { preEncodeEventWrite } from '@fixloop/storage-sql';
import { createTestSchemaStorage } from './postgres-test-schema.ts';
import { startTestPostgres } from './test-database.ts';
import type { TestPostgres } from './test-database.ts';

let server: TestPostgres | undefined;
let unavailable: string | undefined;
try {
  server = await startTestPostgres(process.env['FIXLOOP_TEST_DATABASE_URL']);
} catch (error) {
  unavailable = String(error);
  console.warn(`\n!!! PostgreSQL storage tests SKIPPED: no database (${unavailable}) !!!\n`);
}

afterAll(async () => {
  await server?.stop();
});

if (server === undefined) {
  describe.skip('storage contract: postgres (no PostgreSQL available)', () => {
    it('needs PostgreSQL', () => undefined);
  });
} else {
  const connectionString = server.connectionString;
  beforeAll(() => undefined);
  describeStorageContract('postgres', () => createTestSchemaStorage(connectionString), {
    preEncode: preEncodeEventWrite,
  });
}
