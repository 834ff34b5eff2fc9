import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock, Storage } from '@fixloop/core';
import { openStorage } from '../storage/open-storage.ts';
import { TEST_BACKENDS } from '../testing/test-fixloop.ts';
import { everyMs, RecurringScheduler } from './recurring-scheduler.ts';
import type { NextSlot } from './recurring-scheduler.ts';
import { testDatabaseConfig } from '../testing/test-database-config.ts';

/** A clock tests move by hand. */
function manualClock(start: string): Clock & { set(iso: string): void } {
  let now = new Date(start);
  return { now: () => now, set: (iso) => (now = new Date(iso)) };
}

/** Daily at 09:00 UTC, written out so the test does not depend on the cron parser. */
const daily0900: NextSlot = (after) => {
  const slot = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), 9));
  return slot.getTime() > after.getTime() ? slot : new Date(slot.getTime() + 86_400_000);
};

describe.each(TEST_BACKENDS)('RecurringScheduler on %s', (backend) => {
  let storage: Storage;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const db = await testDatabaseConfig(backend);
    storage = await openStorage(db.config);
    cleanup = async () => {
      await storage.close();
      await db.drop();
    };
  });
  afterAll(() => cleanup());

  it('runs each slot exactly once across two instances sharing the database', async () => {
    const clock = manualClock('2026-11-22T08:59:30Z');
    const schedules = [{ name: 'digest', kind: 'alerts.digest', next: daily0900 }];
    const a = new RecurringScheduler(storage.jobs, schedules, clock, () => undefined);
    const b = new RecurringScheduler(storage.jobs, schedules, clock, () => undefined);
    expect(await a.tick()).toEqual([]);
    clock.set('2026-11-22T09:00:05Z');
    const [fromA, fromB] = await Promise.all([a.tick(), b.tick()]);
    expect([...fromA, ...fromB]).toEqual(['schedule:digest:2026-11-22T09:00:00.000Z']);
    expect(await a.tick()).toEqual([]);
    const claimed = await storage.jobs.claim({
      workerId: 'w',
      now: clock.now(),
      limit: 10,
      lockTimeoutMs: 60_000,
      kinds: ['alerts.digest'],
    });
    expect(claimed.map((j) => j.payload)).toEqual([{ slot: '2026-11-22T09:00:00.000Z' }]);
  });

  it('catches up with only the latest missed slot after downtime', async () => {
    const clock = manualClock('2026-11-22T10:00:00Z');
    const scheduler = new RecurringScheduler(
      storage.jobs,
      [{ name: 'retention', kind: 'retention.run', next: everyMs(600_000) }],
      clock,
      () => undefined,
    );
    expect(await scheduler.tick()).toEqual(['schedule:retention:2026-11-22T10:00:00.000Z']);
    clock.set('2026-11-22T10:45:00Z');
    expect(await scheduler.tick()).toEqual(['schedule:retention:2026-11-22T10:40:00.000Z']);
  });

  it('a restart within the slot minute does not run the slot twice', async () => {
    const clock = manualClock('2026-11-23T09:00:10Z');
    const schedules = [{ name: 'digest', kind: 'alerts.digest', next: daily0900 }];
    expect(await new RecurringScheduler(storage.jobs, schedules, clock, () => undefined).tick()).toHaveLength(
      1,
    );
    clock.set('2026-11-23T09:00:40Z');
    expect(await new RecurringScheduler(storage.jobs, schedules, clock, () => undefined).tick()).toEqual([]);
  });
});
