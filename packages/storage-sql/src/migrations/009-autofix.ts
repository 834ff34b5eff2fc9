import { sql, type Kysely } from 'kysely';
import type { SqlDialect } from '../sql-dialect.ts';
import { tableWithId } from './table-with-id.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- schema builders are untyped by design */
/**
 * Verified autofix: attempts (with the engine's record and the columns people query), their audit trail,
 * the kill switches (instance, organization, project; no row = on) and repository leases, which keep two
 * Fixloop processes off one repository even when a job's lock expired.
 */
export function autofixSchema(dialect: SqlDialect) {
  const pg = dialect === 'postgres';
  const time = pg ? 'bigint' : 'integer';
  const id = tableWithId(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await id('fix_attempts')(db)
        .addColumn('project_id', 'bigint', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('issue_id', 'bigint', (c) => c.notNull().references('issues.id').onDelete('cascade'))
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('trigger', 'text', (c) => c.notNull())
        .addColumn('record', 'text')
        .addColumn('category', 'text')
        .addColumn('confidence', 'real')
        .addColumn('fixer', 'text')
        .addColumn('explanation', 'text')
        .addColumn('diff', 'text')
        .addColumn('test_file', 'text')
        .addColumn('test_content', 'text')
        .addColumn('verification_outcome', 'text')
        .addColumn('verification_log', 'text')
        .addColumn('base_sha', 'text')
        .addColumn('commit_sha', 'text')
        .addColumn('branch', 'text', (c) => c.notNull())
        .addColumn('push_state', 'text', (c) => c.notNull().defaultTo('none'))
        .addColumn('pull_request_url', 'text')
        .addColumn('checks_state', 'text')
        .addColumn('approver_role', 'text')
        .addColumn('approved_by', 'text')
        .addColumn('approved_at', time)
        .addColumn('rejected_by', 'text')
        .addColumn('rejection_reason', 'text')
        .addColumn('rejected_at', time)
        .addColumn('rollback_sha', 'text')
        .addColumn('rolled_back_at', time)
        .addColumn('runs', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('reason', 'text')
        .addColumn('job_id', 'bigint')
        .addColumn('investigation_id', 'bigint')
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .addColumn('committed_at', time)
        .execute();
      await db.schema
        .createIndex('fix_attempts_issue')
        .on('fix_attempts')
        .columns(['issue_id', 'id'])
        .execute();
      await db.schema
        .createIndex('fix_attempts_project_state')
        .on('fix_attempts')
        .columns(['project_id', 'state', 'id'])
        .execute();
      // One active attempt per issue, whichever process or request creates it.
      await db.schema
        .createIndex('fix_attempts_one_active')
        .on('fix_attempts')
        .column('issue_id')
        .unique()
        .where(sql.ref('state'), 'in', ['pending', 'reproducing', 'generating', 'verifying'])
        .execute();
      await id('fix_attempt_events')(db)
        .addColumn('attempt_id', 'bigint', (c) =>
          c.notNull().references('fix_attempts.id').onDelete('cascade'),
        )
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('actor_kind', 'text', (c) => c.notNull())
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('actor_user_id', 'bigint')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('details', 'text')
        .addColumn('at', time, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('fix_attempt_events_attempt')
        .on('fix_attempt_events')
        .columns(['attempt_id', 'id'])
        .execute();
      await db.schema
        .createTable('autofix_switches')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('scope_id', 'bigint', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', time)
        .addPrimaryKeyConstraint('autofix_switches_pk', ['scope', 'scope_id'])
        .execute();
      await db.schema
        .createTable('autofix_leases')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('expires_at', time, (c) => c.notNull())
        .execute();
    },
  };
}
