import type {
  Clock,
  FixEventActor,
  FixTrigger,
  Issue,
  Project,
  Storage,
  StoredFixAttempt,
} from '@fixloop/core';
import { AUTOFIX_ATTEMPT_JOB, repositoryConcurrencyKey } from './autofix-job-kinds.ts';
import { fixBranchName } from './fix-branch-name.ts';

export interface StartAttemptInput {
  issue: Issue;
  project: Project;
  trigger: FixTrigger;
  actor: FixEventActor;
  reason: string;
}

/**
 * Creates attempts and queues their runs. An issue has at most one active attempt (the store enforces it
 * across processes), and each run is one `autofix.attempt` job on the repository lane, keyed by the
 * project's repository so no two runs on one repository overlap.
 */
export class FixAttemptStarter {
  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
    private readonly wake: () => void = () => undefined,
  ) {}

  async start(input: StartAttemptInput): Promise<{ attempt: StoredFixAttempt; created: boolean }> {
    const { attempt, created } = await this.storage.fixes.createAttempt(
      {
        projectId: input.project.id,
        issueId: input.issue.id,
        trigger: input.trigger,
        branch: fixBranchName(input.project, input.issue.id),
        createdAt: this.clock.now(),
      },
      input.actor,
      input.reason,
    );
    if (!created) return { attempt, created };
    return { attempt: await this.enqueueRun(attempt), created };
  }

  /** Queues a run of a pending attempt and remembers its job, so the attempt can follow the job. */
  async enqueueRun(attempt: StoredFixAttempt, options: { delayMs?: number } = {}): Promise<StoredFixAttempt> {
    const jobId = await this.storage.jobs.enqueue({
      kind: AUTOFIX_ATTEMPT_JOB,
      payload: { attemptId: attempt.id, dryRun: attempt.trigger === 'dry_run' },
      concurrencyKey: repositoryConcurrencyKey(attempt.projectId),
      // A crashed run is tried once more; the attempt row records both.
      maxAttempts: 2,
      ...(options.delayMs ? { runAt: new Date(this.clock.now().getTime() + options.delayMs) } : {}),
    });
    this.wake();
    return (await this.storage.fixes.update(attempt.id, { jobId })) ?? attempt;
  }
}
