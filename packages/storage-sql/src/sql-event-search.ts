import { sql } from 'kysely';
import type { Expression, Kysely, SqlBool } from 'kysely';
import { matchesEventSearch } from '@fixloop/core';
import type { EventSearchFilter, EventSearchQuery, StoredEvent } from '@fixloop/core';
import type { Database } from './database.ts';
import { EVENT_COLUMNS, toStoredEvent } from './sql-event-queries.ts';
import { patternCondition } from './sql-search-filters.ts';

/** Rows decoded per round trip while filters run in memory. */
const SCAN_BATCH = 500;

/** Event fields with a column of their own, where a filter runs in SQL with the same meaning. */
const COLUMNS: Partial<Record<string, 'level' | 'environment' | 'release' | 'user_key' | 'title'>> = {
  level: 'level',
  environment: 'environment',
  release: 'release',
  user: 'user_key',
  title: 'title',
};

function columnCondition(filter: EventSearchFilter): Expression<SqlBool> | null {
  if (filter.kind !== 'field') return null;
  const column = COLUMNS[filter.field];
  if (column === undefined) return null;
  const ref = sql.ref<string | null>(`events.${column}`);
  const positive =
    filter.patterns === null ? sql<SqlBool>`${ref} IS NOT NULL` : patternCondition(ref, filter.patterns);
  return filter.negated ? sql<SqlBool>`NOT ${positive}` : positive;
}

/**
 * An event can only carry a tag value its issue has seen (issue_tag_values sums every event's tags,
 * through merges and unmerges), so a positive tag filter first narrows to such issues.
 */
function issueTagPrefilter(filter: EventSearchFilter): Expression<SqlBool> | null {
  if (filter.kind !== 'tag' || filter.negated) return null;
  const value =
    filter.patterns === null ? sql<SqlBool>`1 = 1` : patternCondition(sql.ref('t.value'), filter.patterns);
  return sql<SqlBool>`EXISTS (SELECT 1 FROM issue_tag_values t
    WHERE t.issue_id = events.issue_id AND t.key = ${filter.key} AND ${value})`;
}

/**
 * Event search: column filters (level, environment, release, user, title) in SQL; tags, error type
 * and value, and free text live only in the stored payload, so those pages are found by walking the
 * column-filtered events newest first (keyset batches) and checking each with `matchesEventSearch`.
 */
export async function searchEvents(db: Kysely<Database>, query: EventSearchQuery): Promise<StoredEvent[]> {
  if (query.projectIds.length === 0 || query.limit <= 0) return [];
  const inSql = query.filters.map(columnCondition);
  const rest = query.filters.filter((_, i) => inSql[i] === null);
  let base = db
    .selectFrom('events')
    .select([...EVENT_COLUMNS, 'id'])
    .where('project_id', 'in', query.projectIds);
  if (query.issueId !== undefined) base = base.where('issue_id', '=', query.issueId);
  if (query.since !== undefined) base = base.where('timestamp', '>=', query.since.getTime());
  if (query.until !== undefined) base = base.where('timestamp', '<', query.until.getTime());
  for (const condition of [...inSql, ...query.filters.map(issueTagPrefilter)]) {
    if (condition !== null) base = base.where(condition);
  }
  const direction = query.order === 'oldest' ? 'asc' : 'desc';
  const ordered = base.orderBy('received_at', direction).orderBy('id', direction);
  if (rest.length === 0) {
    const rows = await ordered.limit(query.limit).offset(query.offset).execute();
    return rows.map(toStoredEvent);
  }
  const found: StoredEvent[] = [];
  let skip = query.offset;
  let after: Cursor | null = null;
  for (;;) {
    const from: Cursor | null = after;
    const batch: typeof ordered = from === null ? ordered : ordered.where(beyond(from, direction));
    const rows: ScannedRow[] = await batch.limit(SCAN_BATCH).execute();
    for (const row of rows) {
      const event = toStoredEvent(row);
      if (!matchesEventSearch(event, rest)) continue;
      if (skip > 0) skip -= 1;
      else found.push(event);
      if (found.length === query.limit) return found;
    }
    const last: ScannedRow | undefined = rows.at(-1);
    if (last === undefined || rows.length < SCAN_BATCH) return found;
    after = { receivedAt: Number(last.received_at), id: Number(last.id) };
  }
}

type ScannedRow = Parameters<typeof toStoredEvent>[0] & { id: number };
interface Cursor {
  receivedAt: number;
  id: number;
}

/** Rows after the cursor in the walk's order. */
function beyond({ receivedAt, id }: Cursor, direction: 'asc' | 'desc'): Expression<SqlBool> {
  const op = sql.raw(direction === 'asc' ? '>' : '<');
  return sql<SqlBool>`(events.received_at ${op} ${receivedAt} OR (events.received_at = ${receivedAt} AND events.id ${op} ${id}))`;
}
