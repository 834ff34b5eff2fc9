import type { Kysely, Selectable } from 'kysely';
import type {
  Investigation,
  InvestigationStore,
  InvestigationStatus,
  InvestigationTrigger,
} from '@fixloop/core';
import type { Database, InvestigationsTable } from './database.ts';

export function createSqlInvestigationStore(db: Kysely<Database>): InvestigationStore {
  const byId = async (id: number) => {
    const row = await db.selectFrom('investigations').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : toInvestigation(row);
  };
  return {
    async create(input) {
      const row = await db
        .insertInto('investigations')
        .values({
          issue_id: input.issueId,
          project_id: input.projectId,
          status: 'pending',
          trigger: input.trigger,
          prompt_tokens: 0,
          completion_tokens: 0,
          cost_usd: 0,
          created_at: input.createdAt.getTime(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toInvestigation(row);
    },
    get: byId,
    async update(id, patch) {
      const values = toRowPatch(patch);
      if (Object.keys(values).length > 0)
        await db.updateTable('investigations').set(values).where('id', '=', id).execute();
      return byId(id);
    },
    async listForIssue(issueId, { limit, offset }) {
      const rows = await db
        .selectFrom('investigations')
        .selectAll()
        .where('issue_id', '=', issueId)
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map(toInvestigation);
    },
    async listForProjects(projectIds, { limit, offset }) {
      if (projectIds.length === 0) return [];
      const rows = await db
        .selectFrom('investigations')
        .selectAll()
        .where('project_id', 'in', projectIds)
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map(toInvestigation);
    },
    async findCompleted(issueId, commitSha, eventId) {
      const row = await db
        .selectFrom('investigations')
        .selectAll()
        .where('issue_id', '=', issueId)
        .where('status', '=', 'completed')
        .where((eb) => (commitSha === null ? eb('commit_sha', 'is', null) : eb('commit_sha', '=', commitSha)))
        .where((eb) => (eventId === null ? eb('event_id', 'is', null) : eb('event_id', '=', eventId)))
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return row === undefined ? null : toInvestigation(row);
    },
  };
}

function toRowPatch(patch: Parameters<InvestigationStore['update']>[1]) {
  const row: Partial<Omit<InvestigationsTable, 'id'>> = {};
  if (patch.status !== undefined) row.status = patch.status;
  if (patch.eventId !== undefined) row.event_id = patch.eventId;
  if (patch.commitSha !== undefined) row.commit_sha = patch.commitSha;
  if (patch.summary !== undefined) row.summary = patch.summary;
  if (patch.confidence !== undefined) row.confidence = patch.confidence;
  if (patch.report !== undefined) row.report = JSON.stringify(patch.report);
  if (patch.markdown !== undefined) row.markdown = patch.markdown;
  if (patch.model !== undefined) row.model = patch.model;
  if (patch.promptTokens !== undefined) row.prompt_tokens = patch.promptTokens;
  if (patch.completionTokens !== undefined) row.completion_tokens = patch.completionTokens;
  if (patch.costUsd !== undefined) row.cost_usd = patch.costUsd;
  if (patch.commentId !== undefined) row.comment_id = patch.commentId;
  if (patch.error !== undefined) row.error = patch.error;
  if (patch.finishedAt !== undefined)
    row.finished_at = patch.finishedAt === null ? null : patch.finishedAt.getTime();
  return row;
}

function toInvestigation(row: Selectable<InvestigationsTable>): Investigation {
  const maybeNumber = (v: number | string | null) => (v === null ? null : Number(v));
  return {
    id: Number(row.id),
    issueId: Number(row.issue_id),
    projectId: Number(row.project_id),
    status: row.status as InvestigationStatus,
    trigger: row.trigger as InvestigationTrigger,
    eventId: row.event_id,
    commitSha: row.commit_sha,
    summary: row.summary,
    confidence: maybeNumber(row.confidence),
    report: row.report === null ? null : (JSON.parse(row.report) as unknown),
    markdown: row.markdown,
    model: row.model,
    promptTokens: Number(row.prompt_tokens),
    completionTokens: Number(row.completion_tokens),
    costUsd: Number(row.cost_usd),
    commentId: maybeNumber(row.comment_id),
    error: row.error,
    createdAt: new Date(Number(row.created_at)),
    finishedAt: row.finished_at === null ? null : new Date(Number(row.finished_at)),
  };
}
