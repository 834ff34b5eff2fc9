import { sql } from 'kysely';
import type { Kysely, Updateable } from 'kysely';
import type { IssueListQuery, IssuePatch, IssueStore } from '@fixloop/core';
import type { Database, IssuesTable } from './database.ts';
import type { SqlDialect } from './sql-dialect.ts';
import { toIssue } from './row-mapping.ts';
import { issueStats, searchIssues } from './sql-issue-search.ts';
import { issueEnvironmentTotals } from './sql-issue-environment-stats.ts';
import { issueEnvironmentTags } from './sql-issue-environment-tags.ts';
import { listTagKeys, listTagValues } from './sql-issue-tags.ts';

const SORT_COLUMN = { date: 'last_seen', new: 'first_seen', freq: 'times_seen', user: 'user_count' } as const;

function filteredIssues(db: Kysely<Database>, query: IssueListQuery) {
  let q = db.selectFrom('issues').where('project_id', 'in', query.projectIds);
  if (query.status !== undefined && query.status.length > 0) q = q.where('status', 'in', query.status);
  if (query.level !== undefined && query.level.length > 0) q = q.where('level', 'in', query.level);
  if (query.severity !== undefined && query.severity.length > 0) {
    q = q.where(sql<string>`coalesce(severity_override, severity)`, 'in', query.severity);
  }
  if (query.errorClass !== undefined && query.errorClass.length > 0) {
    q = q.where(sql<string>`coalesce(error_class_override, error_class)`, 'in', query.errorClass);
  }
  return q;
}

function patchValues(patch: IssuePatch): Updateable<IssuesTable> {
  const values: Updateable<IssuesTable> = {};
  if (patch.status !== undefined) values.status = patch.status;
  if (patch.substatus !== undefined) values.substatus = patch.substatus;
  if (patch.statusDetails !== undefined) values.status_details = JSON.stringify(patch.statusDetails);
  if (patch.resolvedAt !== undefined) values.resolved_at = patch.resolvedAt?.getTime() ?? null;
  if (patch.severityOverride !== undefined) values.severity_override = patch.severityOverride;
  if (patch.errorClassOverride !== undefined) values.error_class_override = patch.errorClassOverride;
  if (patch.ignoreUntil !== undefined) values.ignore_until = patch.ignoreUntil?.getTime() ?? null;
  return values;
}

export function createSqlIssueStore(db: Kysely<Database>, dialect: SqlDialect): IssueStore {
  const getIssue = async (id: number) => {
    const row = await db.selectFrom('issues').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : toIssue(row);
  };
  return {
    getIssue,
    async findIssueByHash(projectId, hash) {
      const row = await db
        .selectFrom('issue_hashes')
        .innerJoin('issues', 'issues.id', 'issue_hashes.issue_id')
        .selectAll('issues')
        .where('issue_hashes.project_id', '=', projectId)
        .where('issue_hashes.hash', '=', hash)
        .executeTakeFirst();
      return row === undefined ? null : toIssue(row);
    },
    async listIssues(query) {
      if (query.projectIds.length === 0) return { issues: [], total: 0 };
      const rows = await filteredIssues(db, query)
        .selectAll()
        .orderBy(SORT_COLUMN[query.sort], 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit)
        .offset(query.offset)
        .execute();
      const count = await filteredIssues(db, query)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return { issues: rows.map(toIssue), total: Number(count.n) };
    },
    async updateIssue(id, patch) {
      const values = patchValues(patch);
      if (Object.keys(values).length > 0) {
        await db.updateTable('issues').set(values).where('id', '=', id).execute();
      }
      return getIssue(id);
    },
    listTagValues: (issueId, key, limit = 100) => listTagValues(db, issueId, key, { limit, offset: 0 }),
    listTagValuesPage: (issueId, key, page) => listTagValues(db, issueId, key, page),
    listTagKeys: (issueId, key) => listTagKeys(db, issueId, key),
    searchIssues: (query) => searchIssues(db, dialect, query),
    issueStats: (query) => issueStats(db, query),
    issueEnvironmentTotals: (issueIds, environments) => issueEnvironmentTotals(db, issueIds, environments),
    issueEnvironmentTags: (issueId, environments) => issueEnvironmentTags(db, issueId, environments),
    async findIssueByShortId(projectId, shortId) {
      const row = await db
        .selectFrom('issues')
        .selectAll()
        .where('project_id', '=', projectId)
        .where('short_id', '=', shortId)
        .executeTakeFirst();
      return row === undefined ? null : toIssue(row);
    },
    async listHashes(issueId) {
      const rows = await db
        .selectFrom('issue_hashes')
        .select('hash')
        .where('issue_id', '=', issueId)
        .orderBy('hash')
        .execute();
      return rows.map((r) => r.hash);
    },
  };
}
