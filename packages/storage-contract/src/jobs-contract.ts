import { describe, expect, it } from 'vitest';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

const T0 = new Date('2026-04-01T00:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const claimOptions = { workerId: 'w1', now: T0, limit: 10, lockTimeoutMs: 60_000 };

export function describeJobsContract(setup: StorageSetup): void {
  describe('jobs', () => {
    const storage = useStorage(setup, 'each');
    const jobs = () => storage().jobs;

    it('enqueues with defaults and claims due jobs exclusively', async () => {
      const id = await jobs().enqueue({ kind: 'k', payload: { a: 1 }, runAt: T0 });
      const future = await jobs().enqueue({ kind: 'k', payload: {}, runAt: later(10_000), maxAttempts: 7 });
      expect(await jobs().getJob(id)).toMatchObject({
        kind: 'k',
        payload: { a: 1 },
        state: 'pending',
        attempts: 0,
        concurrencyKey: null,
        runAt: T0,
        lockedBy: null,
        finishedAt: null,
      });
      expect((await jobs().getJob(future))?.maxAttempts).toBe(7);
      const claimed = await jobs().claim(claimOptions);
      expect(claimed.map((j) => j.id)).toEqual([id]);
      expect(claimed[0]).toMatchObject({ state: 'running', attempts: 1, lockedBy: 'w1', lockedAt: T0 });
      expect(await jobs().claim({ ...claimOptions, workerId: 'w2' })).toEqual([]);
      expect((await jobs().claim({ ...claimOptions, now: later(10_000) })).map((j) => j.id)).toEqual([
        future,
      ]);
      expect(await jobs().getJob(987654)).toBeNull();
    });

    it('claims only the requested kinds, oldest first, up to the limit', async () => {
      const a = await jobs().enqueue({ kind: 'a', payload: {}, runAt: later(-3) });
      await jobs().enqueue({ kind: 'b', payload: {}, runAt: later(-2) });
      const a2 = await jobs().enqueue({ kind: 'a', payload: {}, runAt: later(-1) });
      expect((await jobs().claim({ ...claimOptions, kinds: ['a'], limit: 1 })).map((j) => j.id)).toEqual([a]);
      expect((await jobs().claim({ ...claimOptions, kinds: ['a', 'c'] })).map((j) => j.id)).toEqual([a2]);
      expect(await jobs().claim({ ...claimOptions, kinds: ['c'] })).toEqual([]);
    });

    it('completes, retries and fails jobs', async () => {
      const [done, retried, failed, exhausted] = await Promise.all(
        [3, 3, 3, 1].map((maxAttempts, i) =>
          jobs().enqueue({ kind: `k${i}`, payload: {}, runAt: T0, maxAttempts }),
        ),
      );
      await jobs().claim(claimOptions);
      await jobs().complete(done ?? -1, later(1));
      expect(await jobs().getJob(done ?? -1)).toMatchObject({
        state: 'done',
        finishedAt: later(1),
        lockedBy: null,
      });
      await jobs().fail(retried ?? -1, 'boom', later(5_000), later(2));
      expect(await jobs().getJob(retried ?? -1)).toMatchObject({
        state: 'pending',
        runAt: later(5_000),
        lastError: 'boom',
        lockedBy: null,
        finishedAt: null,
      });
      await jobs().fail(failed ?? -1, 'fatal', null, later(3));
      expect(await jobs().getJob(failed ?? -1)).toMatchObject({
        state: 'failed',
        finishedAt: later(3),
        lastError: 'fatal',
      });
      await jobs().fail(exhausted ?? -1, 'again', later(5_000), later(4));
      expect(await jobs().getJob(exhausted ?? -1)).toMatchObject({ state: 'failed', attempts: 1 });
      expect(await jobs().claim({ ...claimOptions, now: later(4_999) })).toEqual([]);
      const again = await jobs().claim({ ...claimOptions, now: later(5_000) });
      expect(again.map((j) => [j.id, j.attempts])).toEqual([[retried, 2]]);
    });

    it('recovers running jobs whose lock expired: retried while attempts remain, else failed', async () => {
      const retry = await jobs().enqueue({ kind: 'k', payload: {}, runAt: T0, maxAttempts: 2 });
      const give = await jobs().enqueue({ kind: 'k', payload: {}, runAt: T0, maxAttempts: 1 });
      expect(await jobs().claim(claimOptions)).toHaveLength(2);
      expect(await jobs().claim({ ...claimOptions, now: later(59_000) })).toEqual([]);
      const reclaimed = await jobs().claim({ ...claimOptions, workerId: 'w2', now: later(61_000) });
      expect(reclaimed.map((j) => [j.id, j.attempts, j.lockedBy])).toEqual([[retry, 2, 'w2']]);
      expect(await jobs().getJob(give)).toMatchObject({ state: 'failed', finishedAt: later(61_000) });
      expect((await jobs().getJob(give))?.lastError).toMatch(/lock/);
      await jobs().claim({ ...claimOptions, now: later(200_000) });
      expect(await jobs().getJob(retry)).toMatchObject({ state: 'failed', attempts: 2 });
    });

    it('never runs two jobs with the same concurrency key at once', async () => {
      const first = await jobs().enqueue({ kind: 'k', payload: {}, runAt: T0, concurrencyKey: 'repo:1' });
      const second = await jobs().enqueue({ kind: 'k', payload: {}, runAt: T0, concurrencyKey: 'repo:1' });
      const free = await jobs().enqueue({ kind: 'k', payload: {}, runAt: T0, concurrencyKey: 'repo:2' });
      const claimed = await jobs().claim(claimOptions);
      expect(claimed.map((j) => j.id).sort((x, y) => x - y)).toEqual([first, free].sort((x, y) => x - y));
      expect(claimed.find((j) => j.id === first)?.concurrencyKey).toBe('repo:1');
      expect(await jobs().claim(claimOptions)).toEqual([]);
      await jobs().complete(first, later(1));
      expect((await jobs().claim(claimOptions)).map((j) => j.id)).toEqual([second]);
    });

    it('enqueues a unique job once per dedupe key, even when callers race', async () => {
      const job = { kind: 'digest', payload: { slot: 1 }, runAt: T0, dedupeKey: 'schedule:digest:1' };
      const results = await Promise.all([1, 2, 3, 4, 5].map(() => jobs().enqueueUnique(job)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      const other = await jobs().enqueueUnique({ ...job, dedupeKey: 'schedule:digest:2' });
      expect(other.created).toBe(true);
      expect(other.id).not.toBe(results[0]?.id);
      // Plain jobs have no key and never collide with each other.
      const a = await jobs().enqueue({ kind: 'k', payload: {}, runAt: T0 });
      const b = await jobs().enqueue({ kind: 'k', payload: {}, runAt: T0 });
      expect(a).not.toBe(b);
      const claimed = await jobs().claim({ ...claimOptions, kinds: ['digest'] });
      expect(claimed.map((j) => j.payload)).toEqual([{ slot: 1 }, { slot: 1 }]);
    });

    it('reports stats and clears pending jobs', async () => {
      expect(await jobs().stats(T0)).toEqual({
        pending: 0,
        running: 0,
        failed: 0,
        oldestDueAt: null,
        lastFinishedAt: null,
      });
      const run = await jobs().enqueue({ kind: 'run', payload: {}, runAt: later(-5_000) });
      await jobs().claim({ ...claimOptions, kinds: ['run'] });
      const failed = await jobs().enqueue({ kind: 'x', payload: {}, runAt: later(-4_000) });
      await jobs().claim({ ...claimOptions, kinds: ['x'] });
      await jobs().fail(failed, 'no', null, later(7));
      await jobs().enqueue({ kind: 'p', payload: {}, runAt: later(-1_000) });
      await jobs().enqueue({ kind: 'p', payload: {}, runAt: later(-2_000) });
      await jobs().enqueue({ kind: 'p', payload: {}, runAt: later(60_000) });
      expect(await jobs().stats(T0)).toEqual({
        pending: 3,
        running: 1,
        failed: 1,
        oldestDueAt: later(-2_000),
        lastFinishedAt: later(7),
      });
      expect(await jobs().clearPending()).toBe(3);
      expect(await jobs().stats(T0)).toMatchObject({ pending: 0, running: 1, oldestDueAt: null });
      expect((await jobs().getJob(run))?.state).toBe('running');
    });
  });
}
