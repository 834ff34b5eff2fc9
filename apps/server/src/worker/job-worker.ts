import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Job, JobQueue } from '@fixloop/core';
import type { JobContext, JobHandlerRegistry } from './job-handlers.ts';

export interface JobWorkerOptions {
  pollIntervalMs?: number;
  /** A running job locked longer than this is treated as crashed and retried. */
  lockTimeoutMs?: number;
  batchSize?: number;
  /** Retry delay = min(base * 2^(attempts-1), max). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Only these kinds (a lane); all kinds when omitted. */
  kinds?: () => string[];
  /** Names the lane in logs. */
  lane?: string;
}

/**
 * Runs jobs from the persistent queue in this process. Polls, but can be woken early (after ingest
 * created issues); stop() lets the job at hand finish.
 */
export class JobWorker {
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private running: Promise<void> | null = null;
  private stopped = false;
  private wakeUp: (() => void) | null = null;
  private readonly options: Required<JobWorkerOptions>;

  constructor(
    private readonly jobs: JobQueue,
    private readonly handlers: JobHandlerRegistry,
    private readonly context: JobContext,
    options: JobWorkerOptions = {},
  ) {
    this.options = {
      pollIntervalMs: 1000,
      lockTimeoutMs: 10 * 60_000,
      batchSize: 10,
      retryBaseMs: 5_000,
      retryMaxMs: 60 * 60_000,
      kinds: () => [],
      lane: 'default',
      ...options,
    };
  }

  start(): void {
    this.running ??= this.loop();
  }

  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let claimed: Job[] = [];
      try {
        const kinds = this.options.kinds();
        claimed = await this.jobs.claim({
          workerId: this.workerId,
          now: this.context.clock.now(),
          limit: this.options.batchSize,
          lockTimeoutMs: this.options.lockTimeoutMs,
          ...(kinds.length > 0 ? { kinds } : {}),
        });
      } catch (error) {
        this.context.log(`worker: claiming jobs failed: ${(error as Error).message}`);
      }
      for (const job of claimed) await this.run(job);
      if (claimed.length === 0 && !this.stopped) await this.sleep(this.options.pollIntervalMs);
    }
  }

  private async run(job: Job): Promise<void> {
    const handler = this.handlers.find(job.kind);
    if (handler === null) {
      await this.recordFailure(job, `no handler registered for job kind '${job.kind}'`, null);
      return;
    }
    try {
      await handler(job, this.context);
      await this.jobs.complete(job.id, this.context.clock.now());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.recordFailure(job, message, this.retryAt(job));
    }
  }

  private async recordFailure(job: Job, message: string, retryAt: Date | null): Promise<void> {
    this.context.log(
      `worker: job ${job.id} (${job.kind}) failed: ${message}${retryAt ? '' : ' (giving up)'}`,
    );
    await this.jobs.fail(job.id, message, retryAt, this.context.clock.now()).catch((failError: unknown) => {
      this.context.log(`worker: recording failure of job ${job.id} failed: ${(failError as Error).message}`);
    });
  }

  private retryAt(job: Job): Date | null {
    if (job.attempts >= job.maxAttempts) return null;
    const delay = Math.min(
      this.options.retryBaseMs * 2 ** Math.max(0, job.attempts - 1),
      this.options.retryMaxMs,
    );
    return new Date(this.context.clock.now().getTime() + delay);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
