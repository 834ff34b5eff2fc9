import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '@fixloop/core';
import type { Storage } from '@fixloop/core';
import { openStorage } from '../storage/open-storage.ts';
import { testDatabaseConfig } from '../testing/test-database-config.ts';
import { JobHandlerRegistry } from './job-handlers.ts';
import { WorkerLanes } from './worker-lanes.ts';

describe('WorkerLanes', () => {
  let storage: Storage;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await testDatabaseConfig('sqlite');
    storage = await openStorage(db.config);
    drop = db.drop;
  });
  afterAll(async () => {
    await storage.close();
    await drop();
  });

  it('runs a short job while a long repository job is still running, and runs every handler of a kind', async () => {
    const done: string[] = [];
    let releaseSlow: () => void = () => undefined;
    const slowGate = new Promise<void>((resolve) => (releaseSlow = resolve));
    const handlers = new JobHandlerRegistry()
      .register(
        'fix.verify',
        async () => {
          await slowGate;
          done.push('slow');
        },
        { lane: 'repository' },
      )
      .register('alert.send', async () => void done.push('alert-1'))
      .register('alert.send', async () => void done.push('alert-2'));
    expect(handlers.kindsIn('repository')).toEqual(['fix.verify']);
    expect(handlers.kindsIn('default')).toEqual(['alert.send']);

    const lanes = new WorkerLanes(
      storage.jobs,
      handlers,
      { storage, clock: systemClock, log: () => undefined, debug: () => undefined },
      { pollIntervalMs: 20 },
    );
    await storage.jobs.enqueue({ kind: 'fix.verify', payload: {} });
    lanes.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await storage.jobs.enqueue({ kind: 'alert.send', payload: {} });
    lanes.wake();
    const deadline = Date.now() + 5_000;
    while (done.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toEqual(['alert-1', 'alert-2']);
    releaseSlow();
    while (done.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toEqual(['alert-1', 'alert-2', 'slow']);
    await lanes.stop();
  });
});
