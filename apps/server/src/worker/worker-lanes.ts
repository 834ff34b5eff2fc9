import type { JobQueue } from '@fixloop/core';
import type { JobContext, JobHandlerRegistry } from './job-handlers.ts';
import { JobWorker } from './job-worker.ts';
import type { JobWorkerOptions } from './job-worker.ts';

/**
 * The job worker loops of this process: the default lane (alerts, issue follow-ups, retention: short
 * jobs) and the repository lane (investigations and fix attempts: git and test runs that take minutes).
 * Each lane claims only its own kinds, so a slow verification never delays an alert.
 */
export class WorkerLanes {
  private readonly lanes: JobWorker[];

  constructor(
    jobs: JobQueue,
    handlers: JobHandlerRegistry,
    context: JobContext,
    options: JobWorkerOptions = {},
  ) {
    this.lanes = [
      new JobWorker(jobs, handlers, context, {
        ...options,
        lane: 'default',
        kinds: () => handlers.kindsIn('default'),
      }),
      new JobWorker(jobs, handlers, context, {
        ...options,
        lane: 'repository',
        batchSize: 1,
        // A fix attempt may run a whole test suite several times.
        lockTimeoutMs: 60 * 60_000,
        kinds: () => handlers.kindsIn('repository'),
      }),
    ];
  }

  start(): void {
    for (const lane of this.lanes) lane.start();
  }

  wake(): void {
    for (const lane of this.lanes) lane.wake();
  }

  async stop(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.stop()));
  }
}
