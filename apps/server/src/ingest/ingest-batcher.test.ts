import { AppError } from '@fixloop/core';
import type { EventWrite, IngestBatch, IngestStore, Storage } from '@fixloop/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IngestBatcher } from './ingest-batcher.ts';
import type { IngestUnit } from './ingest-batcher.ts';
import { openSqliteTestStorage } from '../testing/sqlite-test-storage.ts';

let storage: Storage;
let projectId: number;
let batchSizes: number[];
let counting: IngestStore;

beforeEach(async () => {
  ({ storage, projectId } = await openSqliteTestStorage('fixloop-batcher-'));
  batchSizes = [];
  counting = {
    writeBatch: (batch: IngestBatch) => {
      batchSizes.push(batch.events.length);
      return storage.ingest.writeBatch(batch);
    },
  };
});

afterEach(async () => {
  await storage.close().catch(() => {});
});

let counter = 0;
function eventWrite(hash = 'h1'): EventWrite {
  counter += 1;
  const eventId = counter.toString(16).padStart(32, '0');
  const now = new Date();
  return {
    event: {
      projectId,
      eventId,
      timestamp: now,
      receivedAt: now,
      type: 'error',
      level: 'error',
      platform: 'node',
      environment: 'production',
      release: null,
      title: 'Error: boom',
      culprit: 'app.js',
      message: 'boom',
      metadata: { type: 'Error', value: 'boom' },
      userKey: null,
      tags: { level: 'error' },
      handled: true,
      payload: { event_id: eventId, message: 'boom' },
    },
    grouping: {
      primaryHash: hash.padEnd(32, '0'),
      hashes: [hash.padEnd(32, '0')],
      variants: {},
      primaryVariant: 'default',
    },
    issue: {
      title: 'Error: boom',
      culprit: 'app.js',
      type: 'error',
      level: 'error',
      platform: 'node',
      metadata: {},
      severity: 'annoying',
      errorClass: 'runtime',
    },
    timeline: [],
  };
}

function unit(events: EventWrite[]): IngestUnit {
  return { events, attachments: [], userReports: [], outcomes: [] };
}

describe('IngestBatcher', () => {
  it('writes concurrent units in one transaction and answers each with its own results', async () => {
    const batcher = new IngestBatcher(counting, { batchMax: 100, batchDelayMs: 20, maxQueuedEvents: 1000 });
    const units = Array.from({ length: 10 }, () => unit([eventWrite(), eventWrite()]));
    const results = await Promise.all(units.map((u) => batcher.submit(u)));
    expect(batchSizes).toEqual([20]);
    results.forEach((result, i) => {
      expect(result.map((r) => r.eventId)).toEqual(units[i]!.events.map((e) => e.event.eventId));
      expect(result.every((r) => r.status === 'stored')).toBe(true);
    });
    expect(await storage.events.countEvents(projectId)).toBe(20);
    expect(batcher.stats()).toMatchObject({ queuedEvents: 0, flushes: 1, lastBatchItems: 20 });
  });

  it('flushes as soon as batchMax items are queued, without waiting for the delay', async () => {
    const batcher = new IngestBatcher(counting, { batchMax: 3, batchDelayMs: 60_000, maxQueuedEvents: 1000 });
    const started = Date.now();
    await Promise.all([1, 2, 3].map(() => batcher.submit(unit([eventWrite()]))));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(batchSizes).toEqual([3]);
  });

  it('splits a backlog into batches of at most batchMax and writes the next one right after', async () => {
    const batcher = new IngestBatcher(counting, { batchMax: 4, batchDelayMs: 1, maxQueuedEvents: 1000 });
    await Promise.all(Array.from({ length: 10 }, () => batcher.submit(unit([eventWrite()]))));
    expect(batchSizes.reduce((a, b) => a + b, 0)).toBe(10);
    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(4);
    expect(await storage.events.countEvents(projectId)).toBe(10);
  });

  it('writes a lone unit after batchDelayMs', async () => {
    const batcher = new IngestBatcher(counting, { batchMax: 100, batchDelayMs: 30, maxQueuedEvents: 1000 });
    const started = performance.now();
    const [result] = await batcher.submit(unit([eventWrite()]));
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(result?.status).toBe('stored');
  });

  it('with batchDelayMs 0 groups what arrived in the same event-loop turn', async () => {
    const batcher = new IngestBatcher(counting, { batchMax: 100, batchDelayMs: 0, maxQueuedEvents: 1000 });
    await Promise.all([1, 2, 3].map(() => batcher.submit(unit([eventWrite()]))));
    expect(batchSizes).toEqual([3]);
    await batcher.submit(unit([eventWrite()]));
    expect(batchSizes).toEqual([3, 1]);
  });

  it('reports a duplicate event id inside one batch as duplicate', async () => {
    const batcher = new IngestBatcher(counting, { batchMax: 100, batchDelayMs: 5, maxQueuedEvents: 1000 });
    const write = eventWrite();
    const [a, b] = await Promise.all([batcher.submit(unit([write])), batcher.submit(unit([write]))]);
    expect([a?.[0]?.status, b?.[0]?.status].sort()).toEqual(['duplicate', 'stored']);
    expect(await storage.events.countEvents(projectId)).toBe(1);
  });

  it('fails every request of a failed batch with unavailable', async () => {
    const batcher = new IngestBatcher(storage.ingest, {
      batchMax: 100,
      batchDelayMs: 5,
      maxQueuedEvents: 1000,
    });
    await storage.close();
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => batcher.submit(unit([eventWrite()]))));
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      const reason = (outcome as PromiseRejectedResult).reason as AppError;
      expect(reason).toBeInstanceOf(AppError);
      expect(reason.code).toBe('unavailable');
    }
    expect(batcher.stats().failedFlushes).toBe(1);
  });

  it('refuses units over the queue bound (backpressure) without losing queued ones', async () => {
    const batcher = new IngestBatcher(counting, { batchMax: 100, batchDelayMs: 50, maxQueuedEvents: 2 });
    const first = batcher.submit(unit([eventWrite(), eventWrite()]));
    await expect(batcher.submit(unit([eventWrite()]))).rejects.toMatchObject({ code: 'unavailable' });
    expect((await first).length).toBe(2);
  });

  it('close() writes what is queued and refuses new units', async () => {
    const batcher = new IngestBatcher(counting, {
      batchMax: 100,
      batchDelayMs: 60_000,
      maxQueuedEvents: 1000,
    });
    const pending = batcher.submit(unit([eventWrite()]));
    await batcher.close();
    expect((await pending)[0]?.status).toBe('stored');
    await expect(batcher.submit(unit([eventWrite()]))).rejects.toMatchObject({ code: 'unavailable' });
  });
});
