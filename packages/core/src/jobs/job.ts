export type JobState = 'pending' | 'running' | 'done' | 'failed';

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  /** Jobs with the same key never run at once (e.g. one repository at a time). */
  concurrencyKey?: string | null;
  runAt?: Date;
  maxAttempts?: number;
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
