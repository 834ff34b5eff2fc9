import type { AlertingContext } from './alerting-context.ts';
import { settled } from './settled-rows.ts';

const PAGE = 100;

/** A feed of rows with increasing ids (user reports, resolutions) that alerting follows with a cursor. */
export type CursorFeed<T extends { id: number; createdAt: Date }> = (
  afterId: number,
  limit: number,
) => Promise<T[]>;

/**
 * Claims the next page of a feed for this instance: the settled rows after the stored cursor. The cursor
 * moves by compare-and-set BEFORE the caller alerts, so two instances never both claim the same rows. The
 * first run starts the cursor at the newest row: what came before alerting ran is history, not news.
 */
export async function claimCursorPage<T extends { id: number; createdAt: Date }>(
  context: AlertingContext,
  cursorName: string,
  feed: CursorFeed<T>,
): Promise<T[]> {
  const { storage } = context;
  const cursor = await storage.alerts.readState(cursorName);
  if (cursor === null) {
    await storage.alerts.writeState(cursorName, { lastId: await newestId(feed) }, null);
    return [];
  }
  const lastId = Number((cursor.value as { lastId?: unknown }).lastId ?? 0);
  const rows = settled(await feed(lastId, PAGE), context.clock.now());
  if (rows.length === 0) return [];
  const newest = rows[rows.length - 1]?.id ?? lastId;
  return (await storage.alerts.writeState(cursorName, { lastId: newest }, cursor.version)) ? rows : [];
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
