import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '@fixloop/core';
import { batchOf, createTestProject, eventWrite, newEventId, unique } from '@fixloop/storage-contract';
import { createPostgresStorage } from './create-postgres-storage.ts';
import { createTestSchemaStorage } from './postgres-test-schema.ts';
import { startTestPostgres } from './test-database.ts';
import type { TestPostgres } from './test-database.ts';

let server: TestPostgres | undefined;
try {
  server = await startTestPostgres(process.env['FIXLOOP_TEST_DATABASE_URL']);
} catch (error) {
  console.warn(`\n!!! PostgreSQL concurrency tests SKIPPED: no database (${String(error)}) !!!\n`);
}

describe.skipIf(server === undefined)('postgres: two processes writing and claiming at once', () => {
  let a: Storage;
  let b: Storage;
  let teardown: () => Promise<void>;

  beforeAll(async () => {
    const connectionString = server?.connectionString ?? '';
    const first = await createTestSchemaStorage(connectionString);
    await first.storage.migrate();
    b = await createPostgresStorage({ connectionString, schema: first.schema, maxConnections: 4 });
    await b.migrate();
    a = first.storage;
    teardown = async () => {
      await b.close();
      await first.teardown();
    };
  });
  afterAll(async () => {
    await teardown();
    await server?.stop();
  });

  it('converges on one issue per new hash with exact counts, also for copies of one event', async () => {
    const project = await createTestProject(a);
    for (let round = 0; round < 8; round += 1) {
      const [hashA, hashB] = [unique('shared'), unique('other')];
      const shared = Array.from({ length: 5 }, () => newEventId());
      const batchFor = () =>
        batchOf([
          ...shared.map((eventId) => eventWrite(project.id, { hashes: [hashA], eventId })),
          ...Array.from({ length: 10 }, (_, i) =>
            eventWrite(project.id, { hashes: i % 2 ? [hashA] : [hashB, hashA] }),
          ),
        ]);
      const [ra, rb] = await Promise.all([a.ingest.writeBatch(batchFor()), b.ingest.writeBatch(batchFor())]);
      const issueIds = new Set([...ra, ...rb].map((r) => r.issueId));
      expect(issueIds.size).toBe(1);
      const issue = await a.issues.findIssueByHash(project.id, hashA);
      expect(issue?.timesSeen).toBe(5 + 20);
      expect((await a.issues.findIssueByHash(project.id, hashB))?.id).toBe(issue?.id);
      const created = [...ra, ...rb].filter((r) => r.status === 'stored' && r.issueEvent === 'created');
      expect(created).toHaveLength(1);
      const stored = [...ra, ...rb].filter((r) => r.status === 'stored').length;
      expect(stored).toBe(25);
    }
    expect(await a.events.countEvents(project.id)).toBe(8 * 25);
    const list = await a.issues.listIssues({ projectIds: [project.id], sort: 'date', limit: 100, offset: 0 });
    expect(list.total).toBe(8);
    expect(new Set(list.issues.map((i) => i.shortId)).size).toBe(8);
  });

  it('never hands one job to two claimers, nor two jobs of one concurrency key', async () => {
    const now = new Date();
    const free = await Promise.all(
      Array.from({ length: 60 }, () => a.jobs.enqueue({ kind: 'c', payload: {}, runAt: now })),
    );
    const keyed = await Promise.all(
      Array.from({ length: 10 }, () =>
        a.jobs.enqueue({ kind: 'c', payload: {}, runAt: now, concurrencyKey: 'repo:x' }),
      ),
    );
    const claimLoop = async (storage: Storage, workerId: string) => {
      const got: number[] = [];
      for (;;) {
        const jobs = await storage.jobs.claim({
          workerId,
          now,
          limit: 3,
          lockTimeoutMs: 60_000,
          kinds: ['c'],
        });
        if (jobs.length === 0) return got;
        got.push(...jobs.map((j) => j.id));
      }
    };
    const claimed = await Promise.all([
      claimLoop(a, 'a1'),
      claimLoop(b, 'b1'),
      claimLoop(a, 'a2'),
      claimLoop(b, 'b2'),
    ]);
    const all = claimed.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((id) => free.includes(id)).sort((x, y) => x - y)).toEqual(free.sort((x, y) => x - y));
    expect(all.filter((id) => keyed.includes(id))).toHaveLength(1);
    expect((await a.jobs.stats(now)).running).toBe(61);
  });
});
