import type { FastifyInstance } from 'fastify';
import type { Clock, Storage } from '@fixloop/core';
import type { IngestBatcher } from '../ingest/ingest-batcher.ts';

/** GET /health: 200 when the database answers, 503 "degraded" when it does not. */
export function registerHealthRoute(
  app: FastifyInstance,
  deps: { storage: Storage; batcher: IngestBatcher; clock: Clock },
): void {
  app.get('/health', async (_request, reply) => {
    const { storage, batcher, clock } = deps;
    // Named like the worker section (queued, lagMs); the rest of the batcher stats as they are.
    const { queuedEvents, oldestQueuedAgeMs, ...batching } = batcher.stats();
    const ingest = { queued: queuedEvents, lagMs: oldestQueuedAgeMs, ...batching };
    let database: Record<string, unknown> = { status: 'ok', dialect: storage.dialect };
    let worker: Record<string, unknown> | null = null;
    try {
      await storage.ping();
      const now = clock.now();
      const jobs = await storage.jobs.stats(now);
      worker = {
        pending: jobs.pending,
        running: jobs.running,
        failed: jobs.failed,
        lagMs: jobs.oldestDueAt ? Math.max(0, now.getTime() - jobs.oldestDueAt.getTime()) : 0,
        lastFinishedAt: jobs.lastFinishedAt?.toISOString() ?? null,
      };
    } catch (error) {
      database = { status: 'error', dialect: storage.dialect, error: (error as Error).message };
    }
    const ok = database['status'] === 'ok';
    void reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database, ingest, worker });
  });
}
