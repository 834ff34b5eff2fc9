import type { Pool } from 'pg';
import { toJob } from '@fixloop/storage-sql';
import type { ClaimDueJobs, JobsTable } from '@fixloop/storage-sql';
import type { Selectable } from 'kysely';
import { withTransaction } from './with-transaction.ts';

/**
 * FOR UPDATE SKIP LOCKED makes claims exclusive across processes. Concurrency keys need more: two
 * claimers could each lock a different pending job of the same key. So a claimer also takes a
 * transaction-scoped advisory lock per key (skipping keys another claimer holds) and then re-checks,
 * in a fresh statement, that no job of that key is running. The partial unique index on running keys
 * is the last line of defence.
 */
export function createPostgresClaimJobs(pool: Pool): ClaimDueJobs {
  return ({ workerId, now, limit, kinds }) =>
    withTransaction(pool, async (client) => {
      const { rows: candidates } = await client.query<{ id: number; concurrency_key: string | null }>(
        `SELECT id, concurrency_key FROM jobs j
         WHERE state = 'pending' AND run_at <= $1 AND ($2::text[] IS NULL OR kind = ANY($2::text[]))
           AND (concurrency_key IS NULL OR NOT EXISTS
                (SELECT 1 FROM jobs r WHERE r.state = 'running' AND r.concurrency_key = j.concurrency_key))
         ORDER BY run_at, id LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [now.getTime(), kinds ?? null, limit * 4 + 50],
      );
      const keys = [
        ...new Set(candidates.map((c) => c.concurrency_key).filter((k): k is string => k !== null)),
      ];
      const usable = new Set<string>();
      if (keys.length > 0) {
        const { rows: locked } = await client.query<{ k: string }>(
          'SELECT k FROM unnest($1::text[]) AS k WHERE pg_try_advisory_xact_lock(hashtext(k))',
          [keys],
        );
        const { rows: busy } = await client.query<{ concurrency_key: string }>(
          `SELECT DISTINCT concurrency_key FROM jobs WHERE state = 'running' AND concurrency_key = ANY($1::text[])`,
          [locked.map((r) => r.k)],
        );
        const busyKeys = new Set(busy.map((b) => b.concurrency_key));
        for (const { k } of locked) if (!busyKeys.has(k)) usable.add(k);
      }
      const ids: number[] = [];
      for (const c of candidates) {
        if (ids.length >= limit) break;
        if (c.concurrency_key !== null) {
          if (!usable.has(c.concurrency_key)) continue;
          usable.delete(c.concurrency_key);
        }
        ids.push(Number(c.id));
      }
      if (ids.length === 0) return [];
      const { rows } = await client.query<Selectable<JobsTable>>(
        `UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = $1, locked_at = $2
         WHERE id = ANY($3::bigint[]) RETURNING *`,
        [workerId, now.getTime(), ids],
      );
      return rows.map(toJob).sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
    });
}
