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
 * Event search: column filters (level, environment, release, user, title) in SQL; tags, error type
 * and value, and free text live only in the stored payload, so those pages are found by scanning
 * the column-filtered events newest first and checking each with `matchesEventSearch`.
 */
export async function searchEvents(db: Kysely<Database>, query: EventSearchQuery): Promise<StoredEvent[]> {
  if (query.projectIds.length === 0 || query.limit <= 0) return [];
  const inSql = query.filters.map(columnCondition);
  const rest = query.filters.filter((_, i) => inSql[i] === null);
  let base = db.selectFrom('events').select(EVENT_COLUMNS).where('project_id', 'in', query.projectIds);
  if (query.issueId !== undefined) base = base.where('issue_id', '=', query.issueId);
  for (const condition of inSql) if (condition !== null) base = base.where(condition);
  const ordered = base.orderBy('received_at', 'desc').orderBy('id', 'desc');
  if (rest.length === 0) {
    const rows = await ordered.limit(query.limit).offset(query.offset).execute();
    return rows.map(toStoredEvent);
  }
  const found: StoredEvent[] = [];
  let skip = query.offset;
  for (let scanned = 0; ; scanned += SCAN_BATCH) {
    const rows = await ordered.limit(SCAN_BATCH).offset(scanned).execute();
    for (const row of rows) {
      const event = toStoredEvent(row);
      if (!matchesEventSearch(event, rest)) continue;
      if (skip > 0) skip -= 1;
      else found.push(event);
      if (found.length === query.limit) return found;
    }
    if (rows.length < SCAN_BATCH) return found;
  }
}
