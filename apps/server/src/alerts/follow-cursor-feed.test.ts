import type { Storage } from '@fixloop/core';
import { createSqliteStorage } from '@fixloop/storage-sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followCursorFeed, MAX_ROW_FAILURES } from './follow-cursor-feed.ts';
import { SETTLE_MS } from './settled-rows.ts';

interface Row {
  id: number;
  createdAt: Date;
}

const NOW = new Date('2026-12-01T12:00:00.000Z');
const old = new Date(NOW.getTime() - SETTLE_MS - 1);

describe('followCursorFeed', () => {
  let storage: Storage;
  let rows: Row[];
  let log: string[];
  const feed = async (after: number, limit: number) => rows.filter((r) => r.id > after).slice(0, limit);
  const context = () => ({ storage, clock: { now: () => NOW }, log: (line: string) => log.push(line) });
  const follow = (handle: (row: Row) => Promise<void>) =>
    followCursorFeed(context(), 'cursor:test', feed, handle);
  const cursor = async () => (await storage.alerts.readState('cursor:test'))?.value;

  beforeEach(async () => {
    storage = await createSqliteStorage({ filename: ':memory:' });
    await storage.migrate();
    rows = [1, 2].map((id) => ({ id, createdAt: old }));
    log = [];
  });
  afterEach(() => storage.close());

  it('starts at the newest row, then hands over each new settled row once and moves past it', async () => {
    const seen: number[] = [];
    expect(await follow(async (row) => void seen.push(row.id))).toBe(0);
    expect(await cursor()).toEqual({ lastId: 2 });
    rows.push({ id: 3, createdAt: old }, { id: 4, createdAt: old }, { id: 5, createdAt: NOW });
    expect(await follow(async (row) => void seen.push(row.id))).toBe(2);
    // Row 5 is too young: a lower id may still commit before it.
    expect(seen).toEqual([3, 4]);
    expect(await cursor()).toEqual({ lastId: 4 });
    expect(await follow(async (row) => void seen.push(row.id))).toBe(0);
    expect(seen).toEqual([3, 4]);
  });

  it('hands a row that failed over again on the next tick, after the rows before it', async () => {
    await follow(async () => {});
    rows.push(...[3, 4, 5].map((id) => ({ id, createdAt: old })));
    const seen: number[] = [];
    let failNext = true;
    const handle = async (row: Row) => {
      if (row.id === 4 && failNext) {
        failNext = false;
        throw new Error('database is locked');
      }
      seen.push(row.id);
    };
    expect(await follow(handle)).toBe(1);
    expect(await cursor()).toEqual({ lastId: 3, failing: { id: 4, count: 1 } });
    expect(log).toEqual(['cursor:test: row 4 failed (1/3), retried next tick: database is locked']);
    expect(await follow(handle)).toBe(2);
    expect(seen).toEqual([3, 4, 5]);
    expect(await cursor()).toEqual({ lastId: 5 });
  });

  it(`skips a row that fails ${MAX_ROW_FAILURES} ticks in a row, so the feed goes on`, async () => {
    await follow(async () => {});
    rows.push({ id: 3, createdAt: old }, { id: 4, createdAt: old });
    const seen: number[] = [];
    const handle = async (row: Row) => {
      if (row.id === 3) throw new Error('bad row');
      seen.push(row.id);
    };
    for (let tick = 1; tick < MAX_ROW_FAILURES; tick++) expect(await follow(handle)).toBe(0);
    expect(await cursor()).toEqual({ lastId: 2, failing: { id: 3, count: MAX_ROW_FAILURES - 1 } });
    expect(await follow(handle)).toBe(2);
    expect(seen).toEqual([4]);
    expect(await cursor()).toEqual({ lastId: 4 });
    expect(log.at(-1)).toBe(`cursor:test: row 3 failed ${MAX_ROW_FAILURES} times, skipped: bad row`);
  });
});
