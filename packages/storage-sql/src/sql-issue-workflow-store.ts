import type { Kysely, Selectable } from 'kysely';
import { DEFAULT_WORKFLOW_STATE } from '@fixloop/core';
import type {
  IssueActivityEntry,
  IssueActivityType,
  IssueWorkflowState,
  IssueWorkflowStore,
} from '@fixloop/core';
import type { Database, IssueActivitiesTable } from './database.ts';
import type { SqlDialect } from './sql-dialect.ts';
import { parseJson } from './payload-codec.ts';
import { createSqlIssueMerges } from './sql-issue-merge.ts';
import { createSqlIssueLifecycle } from './sql-issue-lifecycle.ts';

export function toActivity(row: Selectable<IssueActivitiesTable>): IssueActivityEntry {
  return {
    id: Number(row.id),
    issueId: Number(row.issue_id),
    projectId: Number(row.project_id),
    type: row.type as IssueActivityType,
    userId: row.user_id === null ? null : Number(row.user_id),
    data: parseJson<Record<string, unknown>>(row.data),
    createdAt: new Date(Number(row.created_at)),
  };
}

type Mark = 'issue_bookmarks' | 'issue_seen' | 'issue_subscriptions';

export function createSqlIssueWorkflowStore(db: Kysely<Database>, dialect: SqlDialect): IssueWorkflowStore {
  const getActivity = async (id: number) => {
    const row = await db.selectFrom('issue_activities').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : toActivity(row);
  };
  const unmark = (table: Mark, issueId: number, userId: number) =>
    db.deleteFrom(table).where('issue_id', '=', issueId).where('user_id', '=', userId).execute();
  const mark = async (table: Mark, issueId: number, userId: number, at: number, extra = {}) => {
    await unmark(table, issueId, userId);
    await db
      .insertInto(table)
      .values({ issue_id: issueId, user_id: userId, at, ...extra } as never)
      .execute();
  };
  return {
    getStates: (issueIds, userId) => workflowStates(db, issueIds, userId),
    async setAssignee(issueId, assignee) {
      await db
        .updateTable('issues')
        .set({ assignee_type: assignee?.type ?? null, assignee_id: assignee?.id ?? null })
        .where('id', '=', issueId)
        .execute();
    },
    async setPublic(issueId, isPublic) {
      await db
        .updateTable('issues')
        .set({ is_public: isPublic ? 1 : 0 })
        .where('id', '=', issueId)
        .execute();
    },
    async setBookmark(issueId, userId, bookmarked) {
      if (bookmarked) await mark('issue_bookmarks', issueId, userId, Date.now());
      else await unmark('issue_bookmarks', issueId, userId);
    },
    async setSeen(issueId, userId, seenAt) {
      if (seenAt === null) await unmark('issue_seen', issueId, userId);
      else await mark('issue_seen', issueId, userId, seenAt.getTime());
    },
    async setSubscribed(issueId, userId, subscribed) {
      await mark('issue_subscriptions', issueId, userId, Date.now(), { is_subscribed: subscribed ? 1 : 0 });
    },
    async addActivity(activity) {
      const row = await db
        .insertInto('issue_activities')
        .values({
          issue_id: activity.issueId,
          project_id: activity.projectId,
          type: activity.type,
          user_id: activity.userId,
          data: JSON.stringify(activity.data),
          created_at: activity.createdAt.getTime(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toActivity(row);
    },
    async listActivities(issueId, { type, limit, offset }) {
      let q = db.selectFrom('issue_activities').selectAll().where('issue_id', '=', issueId);
      if (type !== undefined) q = q.where('type', '=', type);
      const rows = await q
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map(toActivity);
    },
    getActivity,
    async updateActivityData(id, data) {
      await db
        .updateTable('issue_activities')
        .set({ data: JSON.stringify(data) })
        .where('id', '=', id)
        .execute();
      return getActivity(id);
    },
    async deleteActivity(id) {
      const result = await db.deleteFrom('issue_activities').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    ...createSqlIssueMerges(db, dialect),
    ...createSqlIssueLifecycle(db),
  };
}

/**
 * One query per kind of state for the whole page: the issue row, comment counts, and the viewer's
 * bookmarks, seen marks, subscriptions and comments. Without an explicit subscription a user is
 * subscribed to what they are assigned, bookmarked or commented on (Sentry's participants).
 */
async function workflowStates(
  db: Kysely<Database>,
  issueIds: number[],
  userId: number | null,
): Promise<Map<number, IssueWorkflowState>> {
  const out = new Map<number, IssueWorkflowState>();
  if (issueIds.length === 0) return out;
  const issues = await db
    .selectFrom('issues')
    .select(['id', 'assignee_type', 'assignee_id', 'is_public', 'last_seen'])
    .where('id', 'in', issueIds)
    .execute();
  const notes = await db
    .selectFrom('issue_activities')
    .select((eb) => ['issue_id', 'user_id', eb.fn.countAll<number>().as('n')])
    .where('issue_id', 'in', issueIds)
    .where('type', '=', 'note')
    .groupBy(['issue_id', 'user_id'])
    .execute();
  const forUser = async (table: Mark) =>
    userId === null
      ? []
      : await db
          .selectFrom(table)
          .selectAll()
          .where('issue_id', 'in', issueIds)
          .where('user_id', '=', userId)
          .execute();
  const bookmarks = new Set((await forUser('issue_bookmarks')).map((r) => Number(r.issue_id)));
  const seen = new Map((await forUser('issue_seen')).map((r) => [Number(r.issue_id), Number(r.at)]));
  const subscriptions = new Map(
    ((await forUser('issue_subscriptions')) as { issue_id: number; is_subscribed: number }[]).map((r) => [
      Number(r.issue_id),
      Number(r.is_subscribed) === 1,
    ]),
  );
  for (const row of issues) {
    const id = Number(row.id);
    const assignee =
      row.assignee_id === null || row.assignee_id === undefined
        ? null
        : {
            type: row.assignee_type === 'team' ? ('team' as const) : ('user' as const),
            id: Number(row.assignee_id),
          };
    const own = notes.filter((n) => Number(n.issue_id) === id);
    const commented = userId !== null && own.some((n) => Number(n.user_id) === userId);
    const participant =
      (assignee?.type === 'user' && assignee.id === userId) || bookmarks.has(id) || commented;
    out.set(id, {
      ...DEFAULT_WORKFLOW_STATE,
      assignee,
      isPublic: Number(row.is_public ?? 0) === 1,
      numComments: own.reduce((sum, n) => sum + Number(n.n), 0),
      isBookmarked: bookmarks.has(id),
      hasSeen: (seen.get(id) ?? -1) >= Number(row.last_seen),
      isSubscribed: subscriptions.get(id) ?? participant,
    });
  }
  return out;
}
