import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Job, JobQueue, NewJob } from '@fixloop/core';
import type { Database } from './database.ts';
import { toJob } from './row-mapping.ts';

export type ClaimOptions = Parameters<JobQueue['claim']>[0];

/** The dialect-specific, exclusive part of claiming (SKIP LOCKED on PostgreSQL, IMMEDIATE tx on SQLite). */
export type ClaimDueJobs = (options: ClaimOptions) => Promise<Job[]>;

const DEFAULT_MAX_ATTEMPTS = 3;

/** A running job whose lock expired belongs to a crashed worker: retry it while attempts remain. */
export async function recoverStaleJobs(
  db: Kysely<Database>,
  now: Date,
  lockTimeoutMs: number,
): Promise<void> {
  const nowMs = now.getTime();
  await db
    .updateTable('jobs')
    .set({
      state: sql`CASE WHEN attempts < max_attempts THEN 'pending' ELSE 'failed' END`,
      finished_at: sql`CASE WHEN attempts < max_attempts THEN NULL ELSE CAST(${nowMs} AS BIGINT) END`,
      run_at: nowMs,
      locked_by: null,
      locked_at: null,
      last_error: 'lock expired: the worker holding this job stopped answering',
    })
    .where('state', '=', 'running')
    .where('locked_at', '<', nowMs - lockTimeoutMs)
    .execute();
}

function jobRow(job: NewJob, dedupeKey: string | null) {
  const now = Date.now();
  return {
    kind: job.kind,
    payload: JSON.stringify(job.payload),
    state: 'pending',
    concurrency_key: job.concurrencyKey ?? null,
    dedupe_key: dedupeKey,
    attempts: 0,
    max_attempts: job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    run_at: job.runAt?.getTime() ?? now,
    created_at: now,
  };
}

export function createSqlJobQueue(db: Kysely<Database>, claimDue: ClaimDueJobs): JobQueue {
  return {
    async enqueue(job) {
      const row = await db
        .insertInto('jobs')
        .values(jobRow(job, null))
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },
    async enqueueUnique(job) {
      // ON CONFLICT DO NOTHING, then read the winner: atomic on both dialects without a lock.
      const inserted = await db
        .insertInto('jobs')
        .values(jobRow(job, job.dedupeKey))
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted !== undefined) return { id: Number(inserted.id), created: true };
      const existing = await db
        .selectFrom('jobs')
        .select('id')
        .where('dedupe_key', '=', job.dedupeKey)
        .executeTakeFirstOrThrow();
      return { id: Number(existing.id), created: false };
    },
    async claim(options) {
      if (options.limit <= 0) return [];
      await recoverStaleJobs(db, options.now, options.lockTimeoutMs);
      return claimDue(options);
    },
    async complete(id, now) {
      await db
        .updateTable('jobs')
        .set({ state: 'done', finished_at: now.getTime(), locked_by: null, locked_at: null })
        .where('id', '=', id)
        .execute();
    },
    async fail(id, error, retryAt, now) {
      const nowMs = now.getTime();
      const giveUp = retryAt === null ? sql<boolean>`1 = 1` : sql<boolean>`attempts >= max_attempts`;
      await db
        .updateTable('jobs')
        .set({
          state: sql`CASE WHEN ${giveUp} THEN 'failed' ELSE 'pending' END`,
          finished_at: sql`CASE WHEN ${giveUp} THEN CAST(${nowMs} AS BIGINT) ELSE NULL END`,
          run_at: sql`CASE WHEN ${giveUp} THEN run_at ELSE CAST(${retryAt?.getTime() ?? nowMs} AS BIGINT) END`,
          last_error: error,
          locked_by: null,
          locked_at: null,
        })
        .where('id', '=', id)
        .execute();
    },
    async getJob(id) {
      const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? null : toJob(row);
    },
    async stats(now) {
      // One statement, so one snapshot: with two, a job claimed in between looked neither due nor running.
      const row = await db
        .selectFrom('jobs')
        .select([
          sql<number | string | null>`sum(CASE WHEN state = 'pending' THEN 1 ELSE 0 END)`.as('pending'),
          sql<number | string | null>`sum(CASE WHEN state = 'running' THEN 1 ELSE 0 END)`.as('running'),
          sql<number | string | null>`sum(CASE WHEN state = 'failed' THEN 1 ELSE 0 END)`.as('failed'),
          sql<
            number | null
          >`min(CASE WHEN state = 'pending' AND run_at <= ${now.getTime()} THEN run_at END)`.as('oldest_due'),
          sql<number | null>`max(finished_at)`.as('last_finished'),
        ])
        .executeTakeFirstOrThrow();
      return {
        pending: Number(row.pending ?? 0),
        running: Number(row.running ?? 0),
        failed: Number(row.failed ?? 0),
        oldestDueAt: row.oldest_due === null ? null : new Date(Number(row.oldest_due)),
        lastFinishedAt: row.last_finished === null ? null : new Date(Number(row.last_finished)),
      };
    },
    async clearPending() {
      const result = await db.deleteFrom('jobs').where('state', '=', 'pending').executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
