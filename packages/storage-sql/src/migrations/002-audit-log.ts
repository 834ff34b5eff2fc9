import type { Kysely } from 'kysely';
import type { SqlDialect } from '../sql-dialect.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- schema builders are untyped by design */
export function auditLogSchema(dialect: SqlDialect) {
  const pg = dialect === 'postgres';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('audit_log')
        .addColumn('id', pg ? 'bigint' : 'integer', (c) =>
          pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
        )
        // No foreign key: the audit trail outlives what it describes (a deleted org, user or token).
        .addColumn('organization_id', 'bigint')
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('user_id', 'bigint')
        .addColumn('token_id', 'bigint')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('created_at', pg ? 'bigint' : 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('audit_log_org_created')
        .on('audit_log')
        .columns(['organization_id', 'created_at'])
        .execute();
      await db.schema.createIndex('audit_log_target').on('audit_log').column('target').execute();
    },
  };
}
