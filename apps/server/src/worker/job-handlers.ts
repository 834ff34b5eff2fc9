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

/** Job kind -> handler. Later features (alerts, autofix) register theirs here. */
export class JobHandlerRegistry {
  private readonly handlers = new Map<string, JobHandler>();

  register(kind: string, handler: JobHandler): this {
    this.handlers.set(kind, handler);
    return this;
  }

  find(kind: string): JobHandler | null {
    return this.handlers.get(kind) ?? null;
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
