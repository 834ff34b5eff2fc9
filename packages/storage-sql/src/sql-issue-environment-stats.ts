import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { IssueEnvironmentTotals, IssueStatsQuery } from '@fixloop/core';
import type { Database } from './database.ts';

/**
 * Issue stats limited to some environments. The hourly counters have no environment, so these count
 * the events themselves (issue_id is indexed), grouped in SQL: one row per issue and bucket.
 */
export async function issueEnvironmentStats(
  db: Kysely<Database>,
  query: IssueStatsQuery & { environments: string[] },
): Promise<Map<number, number[]>> {
  const out = new Map(query.issueIds.map((id) => [id, new Array<number>(query.buckets).fill(0)]));
  if (query.issueIds.length === 0 || query.buckets <= 0 || query.environments.length === 0) return out;
  const start = query.start.getTime();
  const end = start + query.bucketMs * query.buckets;
  // Literals, not parameters: PostgreSQL only groups by the very expression it selects.
  const bucket = sql<number>`(events.timestamp - ${sql.lit(start)}) / ${sql.lit(query.bucketMs)}`;
  const rows = await db
    .selectFrom('events')
    .select(['issue_id', bucket.as('bucket'), (eb) => eb.fn.countAll().as('n')])
    .where('issue_id', 'in', query.issueIds)
    .where('environment', 'in', query.environments)
    .where('timestamp', '>=', start)
    .where('timestamp', '<', end)
    .groupBy(['issue_id', bucket])
    .execute();
  for (const row of rows) {
    const index = Math.floor(Number(row.bucket));
    const series = out.get(Number(row.issue_id));
    if (series !== undefined && index >= 0 && index < query.buckets)
      series[index] = (series[index] ?? 0) + Number(row.n);
  }
  return out;
}

/** Events, distinct users and first/last event time per issue, counting only some environments. */
export async function issueEnvironmentTotals(
  db: Kysely<Database>,
  issueIds: number[],
  environments: string[],
): Promise<Map<number, IssueEnvironmentTotals>> {
  const out = new Map<number, IssueEnvironmentTotals>();
  if (issueIds.length === 0 || environments.length === 0) return out;
  const rows = await db
    .selectFrom('events')
    .select((eb) => [
      'issue_id',
      eb.fn.countAll().as('n'),
      sql<number>`count(DISTINCT events.user_key)`.as('users'),
      eb.fn.min('timestamp').as('first'),
      eb.fn.max('timestamp').as('last'),
    ])
    .where('issue_id', 'in', issueIds)
    .where('environment', 'in', environments)
    .groupBy('issue_id')
    .execute();
  for (const row of rows) {
    out.set(Number(row.issue_id), {
      count: Number(row.n),
      userCount: Number(row.users),
      firstSeen: new Date(Number(row.first)),
      lastSeen: new Date(Number(row.last)),
    });
  }
  return out;
}
