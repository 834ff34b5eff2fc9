import type { Storage } from '@fixloop/core';
import type { AlertingContext } from './alerting-context.ts';
import { settled } from './settled-rows.ts';

const PAGE = 100;
/** A row whose handling failed this many ticks in a row is skipped, so one bad row cannot stall the feed. */
export const MAX_ROW_FAILURES = 3;

interface CursorState {
  lastId: number;
  /** The row that failed last tick and how often it failed in a row. */
  failing?: { id: number; count: number };
}

/** A feed of rows with increasing ids (user reports, resolutions) that alerting follows with a cursor. */
export type CursorFeed<T extends { id: number; createdAt: Date }> = (
  afterId: number,
  limit: number,
) => Promise<T[]>;

/**
 * Hands the next page of a feed's settled rows after the stored cursor to `handle`, one by one, then moves
 * the cursor past what was handled (compare-and-set). A crash or an error mid-page leaves the cursor before
 * the row that failed, so it is handled again on the next tick: at least once; after MAX_ROW_FAILURES
 * failing ticks the row is logged and skipped. Handlers must be idempotent per row; AlertDispatcher is, per
 * source key, so a row handled twice (a retry, or two instances reading the same page) still alerts once.
 * The first run starts the cursor at the newest row: what came before alerting ran is history, not news.
 * Returns the rows handled.
 */
export async function followCursorFeed<T extends { id: number; createdAt: Date }>(
  context: Pick<AlertingContext, 'clock' | 'log'> & { storage: Pick<Storage, 'alerts'> },
  cursorName: string,
  feed: CursorFeed<T>,
  handle: (row: T) => Promise<void>,
): Promise<number> {
  const { storage } = context;
  const cursor = await storage.alerts.readState(cursorName);
  if (cursor === null) {
    await storage.alerts.writeState(cursorName, { lastId: await newestId(feed) }, null);
    return 0;
  }
  const state = cursor.value as CursorState;
  const rows = settled(await feed(Number(state.lastId ?? 0), PAGE), context.clock.now());
  let next: CursorState = state;
  let handled = 0;
  for (const row of rows) {
    try {
      await handle(row);
    } catch (error) {
      const count = state.failing?.id === row.id ? state.failing.count + 1 : 1;
      const reason = error instanceof Error ? error.message : String(error);
      if (count < MAX_ROW_FAILURES) {
        next = { ...next, failing: { id: row.id, count } };
        context.log(`${cursorName}: row ${row.id} failed (${count}/${MAX_ROW_FAILURES}), retried next tick: ${reason}`); // prettier-ignore
        break;
      }
      context.log(`${cursorName}: row ${row.id} failed ${count} times, skipped: ${reason}`);
    }
    next = { lastId: row.id };
    handled += 1;
  }
  // Losing the compare-and-set means another instance handled (part of) the page too: nothing to undo.
  if (next !== state) await storage.alerts.writeState(cursorName, next, cursor.version);
  return handled;
}

async function newestId<T extends { id: number }>(
  feed: CursorFeed<T & { createdAt: Date }>,
): Promise<number> {
  let last = 0;
  for (;;) {
    const page = await feed(last, 1000);
    if (page.length === 0) return last;
    last = page[page.length - 1]?.id ?? last;
  }
}
