import type { Kysely, Selectable, Transaction } from 'kysely';
import { AppError } from '@fixloop/core';
import type { IssueWorkflowStore } from '@fixloop/core';
import type { Database, IssuesTable } from './database.ts';
import type { SqlDialect } from './sql-dialect.ts';
import { USER_TAG } from './batch-aggregation.ts';
import { toIssue } from './row-mapping.ts';
import { countIssueUsers, mergeHourlyCounts, mergeTagCounts, mergeUserMarks } from './sql-count-merge.ts';
import { unmergeHashes } from './sql-issue-unmerge.ts';

type Merges = Pick<
  IssueWorkflowStore,
  'mergeIssues' | 'resolveRedirect' | 'resolveShortIdRedirect' | 'unmergeHashes'
>;
type Row = Selectable<IssuesTable>;

/**
 * Merges run in one transaction. On PostgreSQL the issue rows are locked first, in id order like
 * ingest does, so a concurrent batch either lands before the move (and is moved) or after it (and
 * finds the hashes on the target). On SQLite the transaction only awaits SQLite itself, so it runs to
 * its end before ingest's synchronous transactions get a turn.
 */
export function createSqlIssueMerges(db: Kysely<Database>, dialect: SqlDialect): Merges {
  return {
    mergeIssues: (targetId, sourceIds, by) =>
      db.transaction().execute((trx) => mergeInTransaction(trx, dialect, targetId, sourceIds, by)),
    async resolveRedirect(issueId) {
      const row = await db
        .selectFrom('issue_redirects')
        .select('target_issue_id')
        .where('issue_id', '=', issueId)
        .executeTakeFirst();
      return row === undefined ? null : Number(row.target_issue_id);
    },
    async resolveShortIdRedirect(projectId, shortId) {
      const row = await db
        .selectFrom('issue_redirects')
        .select('target_issue_id')
        .where('project_id', '=', projectId)
        .where('short_id', '=', shortId)
        .executeTakeFirst();
      return row === undefined ? null : Number(row.target_issue_id);
    },
    unmergeHashes: (input) => db.transaction().execute((trx) => unmergeHashes(trx, dialect, input)),
  };
}

async function mergeInTransaction(
  trx: Transaction<Database>,
  dialect: SqlDialect,
  targetId: number,
  sourceIds: number[],
  by: { userId: number | null; at: Date },
) {
  let lock = trx
    .selectFrom('issues')
    .selectAll()
    .where('id', 'in', [targetId, ...sourceIds])
    .orderBy('id');
  if (dialect === 'postgres') lock = lock.forUpdate();
  const rows = await lock.execute();
  const target = rows.find((r) => Number(r.id) === targetId);
  if (target === undefined) throw new AppError('not_found', `issue ${targetId} does not exist`);
  const sources = rows.filter((r) => Number(r.id) !== targetId);
  if (sources.some((s) => Number(s.project_id) !== Number(target.project_id))) {
    throw new AppError('bad_request', 'issues of different projects cannot be merged');
  }
  const ids = sources.map((s) => Number(s.id));
  if (ids.length === 0) return toIssue(target);
  for (const table of ['issue_hashes', 'events', 'user_reports', 'issue_activities'] as const) {
    await trx.updateTable(table).set({ issue_id: targetId }).where('issue_id', 'in', ids).execute();
  }
  await mergeTagCounts(trx, dialect, targetId, ids);
  await mergeHourlyCounts(trx, dialect, targetId, ids);
  await mergeUserMarks(trx, 'issue_bookmarks', targetId, ids);
  await mergeUserMarks(trx, 'issue_subscriptions', targetId, ids);
  await trx
    .updateTable('issue_redirects')
    .set({ target_issue_id: targetId })
    .where('target_issue_id', 'in', ids)
    .execute();
  const at = by.at.getTime();
  await trx
    .insertInto('issue_redirects')
    .values(
      sources.map((s) => ({
        issue_id: Number(s.id),
        project_id: Number(s.project_id),
        short_id: Number(s.short_id),
        target_issue_id: targetId,
        created_at: at,
      })),
    )
    .execute();
  await trx.deleteFrom('issues').where('id', 'in', ids).execute();
  const merged = mergedCounters([target, ...sources]);
  const userCount = await countIssueUsers(trx, targetId, USER_TAG);
  await trx
    .updateTable('issues')
    .set({ ...merged, user_count: userCount })
    .where('id', '=', targetId)
    .execute();
  await trx
    .insertInto('issue_activities')
    .values({
      issue_id: targetId,
      project_id: Number(target.project_id),
      type: 'merge',
      user_id: by.userId,
      data: JSON.stringify({
        issues: sources.map((s) => ({ id: String(s.id), shortId: Number(s.short_id) })),
      }),
      created_at: at,
    })
    .execute();
  const updated = await trx
    .selectFrom('issues')
    .selectAll()
    .where('id', '=', targetId)
    .executeTakeFirstOrThrow();
  return toIssue(updated);
}

/** Counters of the merged issue: sums, the earliest first and the latest last of everything. */
function mergedCounters(rows: Row[]) {
  const byFirst = [...rows].sort((a, b) => Number(a.first_seen) - Number(b.first_seen));
  const byLast = [...rows].sort((a, b) => Number(b.last_seen) - Number(a.last_seen));
  const latest = byLast[0] as Row;
  return {
    times_seen: rows.reduce((sum, r) => sum + Number(r.times_seen), 0),
    first_seen: Number((byFirst[0] as Row).first_seen),
    last_seen: Number(latest.last_seen),
    level: latest.level,
    first_release: byFirst.find((r) => r.first_release !== null)?.first_release ?? null,
    last_release: byLast.find((r) => r.last_release !== null)?.last_release ?? null,
  };
}
