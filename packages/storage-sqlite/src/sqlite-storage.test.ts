import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeStorageContract } from '@fixloop/storage-contract';
import { preEncodeEventWrite } from '@fixloop/storage-sql';
import { createSqliteStorage } from './create-sqlite-storage.ts';

describeStorageContract(
  'sqlite',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixloop-sqlite-'));
    const storage = await createSqliteStorage({ filename: join(dir, 'nested', 'fixloop.db') });
    return {
      storage,
      async teardown() {
        await storage.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  { preEncode: preEncodeEventWrite },
);
