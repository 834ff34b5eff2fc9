import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Issue, IssueSearchQuery, IssueStatsQuery } from '@fixloop/core';
import type { Database } from './database.ts';
import type { SqlDialect } from './sql-dialect.ts';
import { toIssue } from './row-mapping.ts';
import { filterCondition } from './sql-search-filters.ts';
import { issueEnvironmentStats } from './sql-issue-environment-stats.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

function matchingIssues(db: Kysely<Database>, dialect: SqlDialect, query: IssueSearchQuery) {
  return db
    .selectFrom('issues')
    .where('issues.project_id', 'in', query.projectIds)
    .where((eb) => eb.and(query.filters.map((filter) => filterCondition(eb, dialect, filter))));
}

const SEVERITY_RANK = sql<number>`CASE coalesce(issues.severity_override, issues.severity)
  WHEN 'blocking' THEN 0 WHEN 'annoying' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END`;

/**
 * Issue search on the issues table: column filters on the row, tags as EXISTS probes of
 * issue_tag_values' primary key (issue_id, key, value), so a page costs an index walk in sort order
 * plus a probe per candidate. `total` is one COUNT over the same conditions (Sentry's X-Hits).
 */
export async function searchIssues(
  db: Kysely<Database>,
  dialect: SqlDialect,
  query: IssueSearchQuery,
): Promise<{ issues: Issue[]; total: number }> {
  if (query.projectIds.length === 0) return { issues: [], total: 0 };
  let page = matchingIssues(db, dialect, query).selectAll('issues');
  const environments = query.environments ?? [];
  switch (query.sort) {
    case 'new':
      page = page.orderBy(inEnvironments(environments, 'min', 'first_seen'), 'desc');
      break;
    case 'freq':
      page = page.orderBy(inEnvironments(environments, 'sum', 'times_seen'), 'desc');
      break;
    case 'user':
      page = page.orderBy('issues.user_count', 'desc');
      break;
    case 'priority':
      page = page.orderBy(SEVERITY_RANK, 'asc').orderBy('issues.last_seen', 'desc');
      break;
    case 'trends': {
      const since = Math.floor((query.now.getTime() - DAY_MS) / HOUR_MS) * HOUR_MS;
      const recent = sql<number>`(SELECT coalesce(sum(h.count), 0) FROM issue_hourly_counts h
        WHERE h.issue_id = issues.id AND h.bucket >= ${since})`;
      page = page.orderBy(recent, 'desc').orderBy('issues.last_seen', 'desc');
      break;
    }
    default:
      page = page.orderBy(inEnvironments(environments, 'max', 'last_seen'), 'desc');
  }
  const rows = await page.orderBy('issues.id', 'desc').limit(query.limit).offset(query.offset).execute();
  const count = await matchingIssues(db, dialect, query)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { issues: rows.map(toIssue), total: Number(count.n) };
}

/**
 * The issue's own column, or under `environment=` the same figure over those environments, read
 * from the `environment` tag's per-issue rows (a primary-key probe per issue).
 */
function inEnvironments(
  environments: string[],
  fn: 'min' | 'max' | 'sum',
  column: 'first_seen' | 'last_seen' | 'times_seen',
) {
  if (environments.length === 0) return sql<number>`${sql.ref(`issues.${column}`)}`;
  return sql<number>`coalesce((SELECT ${sql.raw(fn)}(t.${sql.raw(column)}) FROM issue_tag_values t
    WHERE t.issue_id = issues.id AND t.key = 'environment' AND t.value IN (${sql.join(environments)})), 0)`;
}

/** Hourly counts folded into the requested buckets, for every issue of a page in one query. */
export async function issueStats(
  db: Kysely<Database>,
  query: IssueStatsQuery,
): Promise<Map<number, number[]>> {
  const environments = query.environments ?? [];
  if (environments.length > 0) return issueEnvironmentStats(db, { ...query, environments });
  const out = new Map(query.issueIds.map((id) => [id, new Array<number>(query.buckets).fill(0)]));
  if (query.issueIds.length === 0 || query.buckets <= 0) return out;
  const start = query.start.getTime();
  const end = start + query.bucketMs * query.buckets;
  const rows = await db
    .selectFrom('issue_hourly_counts')
    .select(['issue_id', 'bucket', 'count'])
    .where('issue_id', 'in', query.issueIds)
    .where('bucket', '>=', start - (start % HOUR_MS))
    .where('bucket', '<', end)
    .execute();
  for (const row of rows) {
    const index = Math.floor((Number(row.bucket) - start) / query.bucketMs);
    const series = out.get(Number(row.issue_id));
    if (series !== undefined && index >= 0 && index < query.buckets)
      series[index] = (series[index] ?? 0) + Number(row.count);
  }
  return out;
}
