export type JobState = 'pending' | 'running' | 'done' | 'failed';

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  /** Jobs with the same key never run at once (e.g. one repository at a time). */
  concurrencyKey?: string | null;
  runAt?: Date;
  maxAttempts?: number;
}

/** A job enqueued at most once per key, e.g. `schedule:digest:2026-11-22T09:00Z` across all instances. */
export interface UniqueJob extends NewJob {
  dedupeKey: string;
}

export interface Job {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  state: JobState;
  concurrencyKey: string | null;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lockedBy: string | null;
  lockedAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface JobQueueStats {
  pending: number;
  running: number;
  failed: number;
  /** The oldest job that is due and not yet running; its age is the worker's lag. */
  oldestDueAt: Date | null;
  lastFinishedAt: Date | null;
}
