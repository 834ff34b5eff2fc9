import type { Job, JobQueueStats, NewJob, UniqueJob } from '../jobs/job.ts';

/**
 * A persistent job queue in the main database. Claims are exclusive across processes (PostgreSQL:
 * FOR UPDATE SKIP LOCKED; SQLite: its single writer), and a job whose concurrency key has a running
 * job is not claimed. A running job whose lock is older than `lockTimeoutMs` is treated as crashed:
 * it is retried while attempts remain, else marked failed. Nothing is left hanging.
 */
export interface JobQueue {
  enqueue(job: NewJob): Promise<number>;
  /**
   * Enqueues unless a job with the same dedupe key was ever enqueued (and not yet deleted by
   * retention). Atomic across processes: of many concurrent callers exactly one gets `created: true`.
   */
  enqueueUnique(job: UniqueJob): Promise<{ id: number; created: boolean }>;
  claim(options: {
    workerId: string;
    now: Date;
    limit: number;
    lockTimeoutMs: number;
    kinds?: string[];
  }): Promise<Job[]>;
  complete(id: number, now: Date): Promise<void>;
  /** Schedules a retry at `retryAt`, or marks the job failed when `retryAt` is null or attempts are used up. */
  fail(id: number, error: string, retryAt: Date | null, now: Date): Promise<void>;
  getJob(id: number): Promise<Job | null>;
  stats(now: Date): Promise<JobQueueStats>;
  /** Deletes pending jobs; returns how many. */
  clearPending(): Promise<number>;
}
