import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PROJECT_SETTINGS, fixedClock } from '@fixloop/core';
import type { EventWrite, Job, Storage } from '@fixloop/core';
import { createSqliteStorage } from '@fixloop/storage-sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobHandlerRegistry, defaultJobHandlers } from './job-handlers.ts';
import type { JobContext } from './job-handlers.ts';
import { JobWorker } from './job-worker.ts';

let storage: Storage;
let clock: ReturnType<typeof fixedClock>;
let lines: string[];
let context: JobContext;
let worker: JobWorker | null;

beforeEach(async () => {
  storage = await createSqliteStorage({
    filename: join(mkdtempSync(join(tmpdir(), 'fixloop-worker-')), 'db.sqlite'),
  });
  await storage.migrate();
  clock = fixedClock(new Date('2026-06-01T12:00:00Z'));
  lines = [];
  context = { storage, clock, log: (line) => lines.push(line), debug: () => undefined };
  worker = null;
});

afterEach(async () => {
  await worker?.stop();
  await storage.close();
});

async function waitForState(id: number, state: Job['state']): Promise<Job> {
  await expect.poll(async () => (await storage.jobs.getJob(id))?.state, { timeout: 5_000 }).toBe(state);
  return (await storage.jobs.getJob(id))!;
}

function startWorker(registry: JobHandlerRegistry): JobWorker {
  worker = new JobWorker(storage.jobs, registry, context, { pollIntervalMs: 10, retryBaseMs: 1_000 });
  worker.start();
  return worker;
}

describe('JobWorker', () => {
  it('runs a job with its registered handler and completes it', async () => {
    const seen: unknown[] = [];
    startWorker(new JobHandlerRegistry().register('demo', async (job) => void seen.push(job.payload)));
    const id = await storage.jobs.enqueue({ kind: 'demo', payload: { n: 1 }, runAt: clock.now() });
    await waitForState(id, 'done');
    expect(seen).toEqual([{ n: 1 }]);
  });

  it('fails unknown job kinds at once with a clear error', async () => {
    startWorker(new JobHandlerRegistry());
    const id = await storage.jobs.enqueue({
      kind: 'mystery',
      payload: {},
      maxAttempts: 5,
      runAt: clock.now(),
    });
    const job = await waitForState(id, 'failed');
    expect(job.lastError).toBe("no handler registered for job kind 'mystery'");
    expect(job.attempts).toBe(1);
  });

  it('retries with exponential backoff, then gives up after maxAttempts', async () => {
    let calls = 0;
    startWorker(
      new JobHandlerRegistry().register('flaky', async () => {
        calls += 1;
        throw new Error(`attempt ${calls} failed`);
      }),
    );
    const id = await storage.jobs.enqueue({ kind: 'flaky', payload: {}, maxAttempts: 3, runAt: clock.now() });
    await expect.poll(() => calls).toBe(1);
    const first = await waitForState(id, 'pending');
    expect(first.runAt.getTime() - clock.now().getTime()).toBe(1_000);
    clock.advance(1_000);
    await expect.poll(() => calls).toBe(2);
    const second = await waitForState(id, 'pending');
    expect(second.runAt.getTime() - clock.now().getTime()).toBe(2_000);
    clock.advance(2_000);
    const last = await waitForState(id, 'failed');
    expect(calls).toBe(3);
    expect(last.lastError).toBe('attempt 3 failed');
    expect(lines.some((l) => l.includes('giving up'))).toBe(true);
  });

  it('recovers a job whose lock went stale (crashed worker)', async () => {
    const id = await storage.jobs.enqueue({ kind: 'demo', payload: {}, runAt: clock.now() });
    const [claimed] = await storage.jobs.claim({
      workerId: 'crashed',
      now: clock.now(),
      limit: 1,
      lockTimeoutMs: 60_000,
    });
    expect(claimed?.id).toBe(id);
    clock.advance(11 * 60_000);
    let ran = false;
    startWorker(new JobHandlerRegistry().register('demo', async () => void (ran = true)));
    await waitForState(id, 'done');
    expect(ran).toBe(true);
  });

  it('stop() lets the running job finish', async () => {
    let release: () => void = () => undefined;
    let finished = false;
    const w = startWorker(
      new JobHandlerRegistry().register('slow', async () => {
        await new Promise<void>((resolve) => (release = resolve));
        finished = true;
      }),
    );
    const id = await storage.jobs.enqueue({ kind: 'slow', payload: {}, runAt: clock.now() });
    await waitForState(id, 'running');
    const stopping = w.stop();
    release();
    await stopping;
    expect(finished).toBe(true);
    expect((await storage.jobs.getJob(id))?.state).toBe('done');
  });
});

describe('retention.run', () => {
  it('purges events and timelines older than each project retention, and stale upload chunks, jobs finished over 7 days ago', async () => {
    const org = await storage.projects.createOrganization({ slug: 'o', name: 'O' });
    const project = await storage.projects.createProject({
      organizationId: org.id,
      slug: 'p',
      name: 'P',
      platform: null,
      settings: { ...DEFAULT_PROJECT_SETTINGS, eventRetentionDays: 10, timelineRetentionDays: 2 },
    });
    const day = 24 * 3_600_000;
    const at = (daysAgo: number) => new Date(clock.now().getTime() - daysAgo * day);
    await storage.ingest.writeBatch({
      events: [
        eventAt(project.id, 'a', at(20)),
        eventAt(project.id, 'b', at(5)),
        eventAt(project.id, 'c', at(1)),
      ],
      attachments: [],
      userReports: [],
      outcomes: [],
    });
    const finishedJob = async (daysAgo: number) => {
      const jobId = await storage.jobs.enqueue({ kind: 'old.job', payload: {}, runAt: at(30) });
      await storage.jobs.claim({ workerId: 't', now: at(30), limit: 1, lockTimeoutMs: 60_000, kinds: ['old.job'] }); // prettier-ignore
      await storage.jobs.complete(jobId, at(daysAgo));
      return jobId;
    };
    const [oldJob, recentJob] = [await finishedJob(8), await finishedJob(6)];
    // Upload chunks: one left by an upload that never finished two days ago, one from an upload under way.
    const [stale, fresh] = ['a', 'b'].map((c) => c.repeat(40));
    await storage.artifacts.putChunks(org.id, [{ checksum: stale!, data: new Uint8Array([1]) }], at(2));
    await storage.artifacts.putChunks(org.id, [{ checksum: fresh!, data: new Uint8Array([2]) }], clock.now());
    startWorker(defaultJobHandlers());
    const id = await storage.jobs.enqueue({ kind: 'retention.run', payload: {}, runAt: clock.now() });
    await waitForState(id, 'done');
    expect(await storage.jobs.getJob(oldJob)).toBeNull();
    expect((await storage.jobs.getJob(recentJob))?.state).toBe('done');
    expect(await storage.artifacts.findMissingChunks(org.id, [stale!, fresh!])).toEqual([stale]);
    expect(await storage.events.countEvents(project.id)).toBe(2);
    expect(await storage.events.getEvent(project.id, 'a'.repeat(32))).toBeNull();
    expect(await storage.events.getTimeline(project.id, 'b'.repeat(32))).toBeNull();
    expect(await storage.events.getTimeline(project.id, 'c'.repeat(32))).not.toBeNull();
  });
});

function eventAt(projectId: number, letter: string, receivedAt: Date): EventWrite {
  const eventId = letter.repeat(32);
  return {
    event: {
      projectId,
      eventId,
      timestamp: receivedAt,
      receivedAt,
      type: 'error',
      level: 'error',
      platform: 'node',
      environment: 'production',
      release: null,
      title: 'Error: old',
      culprit: '',
      message: 'old',
      metadata: {},
      userKey: null,
      tags: {},
      handled: null,
      payload: { event_id: eventId },
    },
    grouping: {
      primaryHash: 'f'.repeat(32),
      hashes: ['f'.repeat(32)],
      variants: {},
      primaryVariant: 'default',
    },
    issue: {
      title: 'Error: old',
      culprit: '',
      type: 'error',
      level: 'error',
      platform: 'node',
      metadata: {},
      severity: 'annoying',
      errorClass: 'runtime',
    },
    timeline: [
      {
        ts: receivedAt.toISOString(),
        layer: 'backend',
        kind: 'log',
        message: 'x',
        level: 'info',
        category: null,
        network: null,
        data: null,
        isError: false,
        source: 'breadcrumb',
      },
    ],
  };
}
