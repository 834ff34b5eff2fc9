import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './database.ts';
import type { SqlDialect } from './sql-dialect.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** min/max of two values: scalar min()/max() on SQLite, LEAST/GREATEST on PostgreSQL. */
function pair(dialect: SqlDialect, fn: 'min' | 'max', a: string, b: string) {
  const name = dialect === 'postgres' ? (fn === 'min' ? 'LEAST' : 'GREATEST') : fn;
  return sql.raw(`${name}(${a}, ${b})`);
}

/** Adds the tag counts of `sourceIds` to `targetId` (summed per key and value). */
export async function mergeTagCounts(
  db: Db,
  dialect: SqlDialect,
  targetId: number,
  sourceIds: number[],
): Promise<void> {
  const t = dialect === 'postgres' ? 'issue_tag_values.' : '';
  await sql`INSERT INTO issue_tag_values (issue_id, key, value, times_seen, first_seen, last_seen)
    SELECT ${targetId}, key, value, sum(times_seen), min(first_seen), max(last_seen) FROM issue_tag_values
    WHERE issue_id IN (${sql.join(sourceIds)}) GROUP BY key, value
    ON CONFLICT (issue_id, key, value) DO UPDATE SET
      times_seen = ${sql.raw(t)}times_seen + excluded.times_seen,
      first_seen = ${pair(dialect, 'min', `${t}first_seen`, 'excluded.first_seen')},
      last_seen = ${pair(dialect, 'max', `${t}last_seen`, 'excluded.last_seen')}`.execute(db);
}

/** Adds the hourly event counts of `sourceIds` to `targetId`. */
export async function mergeHourlyCounts(
  db: Db,
  dialect: SqlDialect,
  targetId: number,
  sourceIds: number[],
): Promise<void> {
  const t = dialect === 'postgres' ? 'issue_hourly_counts.' : '';
  await sql`INSERT INTO issue_hourly_counts (issue_id, bucket, count)
    SELECT ${targetId}, bucket, sum(count) FROM issue_hourly_counts
    WHERE issue_id IN (${sql.join(sourceIds)}) GROUP BY bucket
    ON CONFLICT (issue_id, bucket) DO UPDATE SET count = ${sql.raw(t)}count + excluded.count`.execute(db);
}

/** Copies per-user marks (bookmarks, subscriptions) of the sources to the target, keeping the target's. */
export async function mergeUserMarks(
  db: Db,
  table: 'issue_bookmarks' | 'issue_subscriptions',
  targetId: number,
  sourceIds: number[],
): Promise<void> {
  const extra = table === 'issue_subscriptions' ? sql`, max(is_subscribed)` : sql``;
  const columns = table === 'issue_subscriptions' ? sql`, is_subscribed` : sql``;
  await sql`INSERT INTO ${sql.table(table)} (issue_id, user_id, at${columns})
    SELECT ${targetId}, user_id, max(at)${extra} FROM ${sql.table(table)}
    WHERE issue_id IN (${sql.join(sourceIds)}) GROUP BY user_id
    ON CONFLICT (issue_id, user_id) DO NOTHING`.execute(db);
}

/** Number of distinct users the issue has seen (its `sentry:user` tag values). */
export async function countIssueUsers(db: Db, issueId: number, userTag: string): Promise<number> {
  const row = await db
    .selectFrom('issue_tag_values')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('issue_id', '=', issueId)
    .where('key', '=', userTag)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
