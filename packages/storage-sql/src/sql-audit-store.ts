import type { Kysely, Selectable } from 'kysely';
import type { AuditEntry, AuditStore } from '@fixloop/core';
import type { AuditLogTable, Database } from './database.ts';

export function createSqlAuditStore(db: Kysely<Database>): AuditStore {
  return {
    async record(entry) {
      const row = await db
        .insertInto('audit_log')
        .values({
          organization_id: entry.organizationId,
          actor: entry.actor,
          user_id: entry.userId,
          token_id: entry.tokenId,
          action: entry.action,
          target: entry.target,
          before: entry.before === undefined ? null : JSON.stringify(entry.before),
          after: entry.after === undefined ? null : JSON.stringify(entry.after),
          created_at: entry.createdAt.getTime(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAuditEntry(row);
    },
    async list(query) {
      let q = db.selectFrom('audit_log').selectAll();
      if (query.organizationId !== undefined) q = q.where('organization_id', '=', query.organizationId);
      if (query.action !== undefined) q = q.where('action', '=', query.action);
      if (query.target !== undefined) q = q.where('target', '=', query.target);
      const rows = await q.orderBy('id', 'desc').limit(query.limit).offset(query.offset).execute();
      return rows.map(toAuditEntry);
    },
  };
}

function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  const nullable = (v: number | string | null) => (v === null ? null : Number(v));
  return {
    id: Number(row.id),
    organizationId: nullable(row.organization_id),
    actor: row.actor,
    userId: nullable(row.user_id),
    tokenId: nullable(row.token_id),
    action: row.action,
    target: row.target,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
    createdAt: new Date(Number(row.created_at)),
  };
}
