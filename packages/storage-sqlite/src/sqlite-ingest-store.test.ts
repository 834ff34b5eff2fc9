import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { runMigrations } from '@fixloop/storage-sql';
import { describe, expect, it } from 'vitest';
import { createSqliteIngestStore } from './sqlite-ingest-store.ts';

const emptyBatch = () => ({ events: [], attachments: [], userReports: [], outcomes: [] });

describe('createSqliteIngestStore', () => {
  it('waits for the hold beforeWrite returns, then writes and reports the commit', async () => {
    const db = new Database(':memory:');
    await runMigrations(new Kysely<unknown>({ dialect: new SqliteDialect({ database: db }) }), 'sqlite');
    const steps: string[] = [];
    let release = (): void => undefined;
    let holds = 0;
    const store = createSqliteIngestStore(
      db,
      () => steps.push('committed'),
      () => {
        holds += 1;
        if (holds > 1) return null;
        return new Promise<void>((resolve) => {
          release = () => {
            steps.push('released');
            resolve();
          };
        });
      },
    );
    const first = store.writeBatch(emptyBatch());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(steps).toEqual([]);
    release();
    await expect(first).resolves.toEqual([]);
    // Without a hold the write goes ahead at once.
    await expect(store.writeBatch(emptyBatch())).resolves.toEqual([]);
    expect(steps).toEqual(['released', 'committed', 'committed']);
    db.close();
  });
});
