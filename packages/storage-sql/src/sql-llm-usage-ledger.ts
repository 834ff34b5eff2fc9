import type { Kysely } from 'kysely';
import { usageMonthStart } from '@fixloop/core';
import type { LlmUsageLedger } from '@fixloop/core';
import type { Database } from './database.ts';

export function createSqlLlmUsageLedger(db: Kysely<Database>): LlmUsageLedger {
  return {
    async record(entry) {
      await db
        .insertInto('llm_usage')
        .values({
          project_id: entry.projectId,
          issue_id: entry.issueId,
          purpose: entry.purpose,
          provider: entry.provider,
          model: entry.model,
          prompt_tokens: entry.promptTokens,
          completion_tokens: entry.completionTokens,
          cost_usd: entry.costUsd,
          outcome: entry.outcome,
          at: entry.at.getTime(),
        })
        .execute();
    },
    async spentThisMonth(projectId, now) {
      const row = await db
        .selectFrom('llm_usage')
        .select((eb) => eb.fn.sum<number | string | null>('cost_usd').as('spent'))
        .where('project_id', '=', projectId)
        .where('at', '>=', usageMonthStart(now).getTime())
        .executeTakeFirstOrThrow();
      return Number(row.spent ?? 0);
    },
  };
}
