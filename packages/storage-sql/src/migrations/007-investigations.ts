import type { Kysely } from 'kysely';
import type { SqlDialect } from '../sql-dialect.ts';
import { tableWithId } from './table-with-id.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- schema builders are untyped by design */
/** Investigation reports per issue, and the ledger of what every LLM call cost. */
export function investigationsSchema(dialect: SqlDialect) {
  const pg = dialect === 'postgres';
  const time = pg ? 'bigint' : 'integer';
  const id = tableWithId(dialect);
  return {
    async up(db: Kysely<any>): Promise<void> {
      await id('investigations')(db)
        .addColumn('issue_id', 'bigint', (c) => c.notNull().references('issues.id').onDelete('cascade'))
        .addColumn('project_id', 'bigint', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('trigger', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text')
        .addColumn('commit_sha', 'text')
        .addColumn('summary', 'text')
        .addColumn('confidence', 'real')
        .addColumn('report', 'text')
        .addColumn('markdown', 'text')
        .addColumn('model', 'text')
        .addColumn('prompt_tokens', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('completion_tokens', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('cost_usd', 'real', (c) => c.notNull().defaultTo(0))
        .addColumn('comment_id', 'bigint')
        .addColumn('error', 'text')
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('finished_at', time)
        .execute();
      await db.schema
        .createIndex('investigations_issue')
        .on('investigations')
        .columns(['issue_id', 'id'])
        .execute();
      await db.schema
        .createIndex('investigations_project')
        .on('investigations')
        .columns(['project_id', 'id'])
        .execute();
      await id('llm_usage')(db)
        .addColumn('project_id', 'bigint', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('issue_id', 'bigint')
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('provider', 'text', (c) => c.notNull())
        .addColumn('model', 'text', (c) => c.notNull())
        .addColumn('prompt_tokens', 'integer', (c) => c.notNull())
        .addColumn('completion_tokens', 'integer', (c) => c.notNull())
        .addColumn('cost_usd', 'real', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('at', time, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('llm_usage_project_at')
        .on('llm_usage')
        .columns(['project_id', 'at'])
        .execute();
    },
  };
}
