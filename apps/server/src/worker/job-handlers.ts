import type { Clock, Job, Storage } from '@fixloop/core';
import { runRetention } from './retention-job.ts';

export interface JobContext {
  storage: Storage;
  clock: Clock;
  log: (line: string) => void;
  /** Chatty lines (one per new issue); a no-op unless FIXLOOP_LOG_LEVEL=debug. */
  debug: (line: string) => void;
}

export type JobHandler = (job: Job, context: JobContext) => Promise<void>;

export type JobLane = 'default' | 'repository';

/**
 * Job kind -> handlers. Several features may react to one kind (issue.created feeds alerts and
 * investigations): their handlers run in registration order, and a failure retries the whole job, so
 * each handler must be idempotent (enqueue follow-ups with `enqueueUnique`).
 */
export class JobHandlerRegistry {
  private readonly handlers = new Map<string, JobHandler[]>();
  private readonly lanes = new Map<string, JobLane>();

  /**
   * `lane: 'repository'` puts slow work (git, test runs: minutes) on its own worker loop, so alerts and
   * retention never wait behind a fix verification.
   */
  register(kind: string, handler: JobHandler, options: { lane?: JobLane } = {}): this {
    this.handlers.set(kind, [...(this.handlers.get(kind) ?? []), handler]);
    if (options.lane !== undefined) this.lanes.set(kind, options.lane);
    return this;
  }

  kindsIn(lane: JobLane): string[] {
    return this.kinds().filter((kind) => (this.lanes.get(kind) ?? 'default') === lane);
  }

  find(kind: string): JobHandler | null {
    const handlers = this.handlers.get(kind);
    if (handlers === undefined) return null;
    return async (job, context) => {
      for (const handler of handlers) await handler(job, context);
    };
  }

  kinds(): string[] {
    return [...this.handlers.keys()];
  }
}

export function defaultJobHandlers(): JobHandlerRegistry {
  return new JobHandlerRegistry()
    .register('issue.created', async (job, { debug }) => debug(`issue created: ${describeIssue(job)}`))
    .register('issue.regressed', async (job, { log }) => log(`issue regressed: ${describeIssue(job)}`))
    .register('retention.run', runRetention);
}

function describeIssue(job: Job): string {
  const { issueId, projectId } = job.payload;
  return `issue ${String(issueId)} in project ${String(projectId)}`;
}
