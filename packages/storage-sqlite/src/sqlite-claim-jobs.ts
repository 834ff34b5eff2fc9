import type BetterSqlite3 from 'better-sqlite3';
import { toJob } from '@fixloop/storage-sql';
import type { ClaimDueJobs, JobsTable } from '@fixloop/storage-sql';
import type { Selectable } from 'kysely';

/**
 * Claims inside an IMMEDIATE transaction: SQLite's single writer makes the claim exclusive across
 * processes. Jobs whose concurrency key already has a running job are skipped, and at most one job
 * per key is claimed at a time.
 */
export function createSqliteClaimJobs(db: BetterSqlite3.Database): ClaimDueJobs {
  const claim = db.transaction((workerId: string, now: number, limit: number, kinds: string[] | null) => {
    const candidates = db
      .prepare(
        `SELECT id, concurrency_key FROM jobs
         WHERE state = 'pending' AND run_at <= ?
           AND (? IS NULL OR kind IN (SELECT value FROM json_each(?)))
           AND (concurrency_key IS NULL OR concurrency_key NOT IN
                (SELECT concurrency_key FROM jobs WHERE state = 'running' AND concurrency_key IS NOT NULL))
         ORDER BY run_at, id LIMIT ?`,
      )
      .all(now, kinds === null ? null : 1, JSON.stringify(kinds ?? []), limit * 4 + 50) as {
      id: number;
      concurrency_key: string | null;
    }[];
    const keys = new Set<string>();
    const update = db.prepare(
      `UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = ?, locked_at = ?
       WHERE id = ? RETURNING *`,
    );
    const claimed: Selectable<JobsTable>[] = [];
    for (const c of candidates) {
      if (claimed.length >= limit) break;
      if (c.concurrency_key !== null) {
        if (keys.has(c.concurrency_key)) continue;
        keys.add(c.concurrency_key);
      }
      claimed.push(update.get(workerId, now, c.id) as Selectable<JobsTable>);
    }
    return claimed;
  });
  return async ({ workerId, now, limit, kinds }) =>
    claim.immediate(workerId, now.getTime(), limit, kinds === undefined ? null : kinds).map(toJob);
}
