import type { Kysely } from 'kysely';
import { ENVIRONMENT_TAGS_MAX_EVENTS } from '@fixloop/core';
import type { IssueTagBreakdown, TagKeySummary, TagValueCount } from '@fixloop/core';
import type { Database } from './database.ts';
import { USER_TAG } from './batch-aggregation.ts';
import { decodeEventRecord } from './event-payload.ts';

/** Rows decoded per round trip. */
const SCAN_BATCH = 500;

/**
 * An issue's tags counted over its events in some environments. issue_tag_values has no environment and
 * the tags live only in the payload, so this walks those events (keyset batches on id) and sums their
 * tags the way ingest does (plus the user key as `sentry:user`), newest first, at most
 * ENVIRONMENT_TAGS_MAX_EVENTS of them.
 */
export async function issueEnvironmentTags(
  db: Kysely<Database>,
  issueId: number,
  environments: string[],
): Promise<IssueTagBreakdown> {
  const counts = new Map<string, TagValueCount>();
  if (environments.length === 0) return { keys: [], values: [] };
  let before = Number.MAX_SAFE_INTEGER;
  let scanned = 0;
  while (scanned < ENVIRONMENT_TAGS_MAX_EVENTS) {
    const rows = await db
      .selectFrom('events')
      .select(['id', 'project_id', 'event_id', 'timestamp', 'received_at', 'user_key', 'payload'])
      .where('issue_id', '=', issueId)
      .where('environment', 'in', environments)
      .where('id', '<', before)
      .orderBy('id', 'desc')
      .limit(Math.min(SCAN_BATCH, ENVIRONMENT_TAGS_MAX_EVENTS - scanned))
      .execute();
    for (const row of rows) {
      const event = decodeEventRecord(row);
      const entries = Object.entries(event.tags);
      if (row.user_key !== null) entries.push([USER_TAG, row.user_key]);
      for (const [key, value] of entries) count(counts, key, value, event.timestamp);
    }
    scanned += rows.length;
    const last = rows.at(-1);
    if (last === undefined || rows.length < SCAN_BATCH) break;
    before = Number(last.id);
  }
  const values = [...counts.values()].sort(
    (a, b) => b.timesSeen - a.timesSeen || compare(a.key, b.key) || compare(a.value, b.value),
  );
  return { keys: summarizeKeys(values), values };
}

function count(counts: Map<string, TagValueCount>, key: string, value: string, at: Date): void {
  const id = `${key}\u0000${value}`;
  const seen = counts.get(id);
  if (seen === undefined) {
    counts.set(id, { key, value, timesSeen: 1, firstSeen: at, lastSeen: at });
    return;
  }
  seen.timesSeen += 1;
  if (at < seen.firstSeen) seen.firstSeen = at;
  if (at > seen.lastSeen) seen.lastSeen = at;
}

/** Per key what `listTagKeys` answers: distinct values, events, first/last seen; no `sentry:user`. */
function summarizeKeys(values: TagValueCount[]): TagKeySummary[] {
  const keys = new Map<string, TagKeySummary>();
  for (const v of values) {
    if (v.key === USER_TAG) continue;
    const summary = keys.get(v.key);
    if (summary === undefined) {
      keys.set(v.key, { key: v.key, totalValues: 1, count: v.timesSeen, ...seenRange(v) });
      continue;
    }
    summary.totalValues += 1;
    summary.count += v.timesSeen;
    if (v.firstSeen < summary.firstSeen) summary.firstSeen = v.firstSeen;
    if (v.lastSeen > summary.lastSeen) summary.lastSeen = v.lastSeen;
  }
  return [...keys.values()].sort((a, b) => b.count - a.count || compare(a.key, b.key));
}

const seenRange = (v: TagValueCount) => ({ firstSeen: v.firstSeen, lastSeen: v.lastSeen });

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
