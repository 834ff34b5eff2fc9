import { ACTIVE_FIX_ATTEMPT_STATES } from '@fixloop/core';
import type { Clock, Storage, StoredFixAttempt } from '@fixloop/core';
import type { FixAttemptStarter } from './fix-attempt-starter.ts';

const SYSTEM = { kind: 'system', name: 'fixloop' } as const;
/** A pending attempt this long without a job lost its enqueue (the process stopped in between). */
const ORPHAN_AFTER_MS = 60_000;

/**
 * Keeps attempt rows in step with their jobs: an active attempt whose job the queue gave up on (its
 * worker died and the retries are used up) is marked failed with the job's error, and a pending attempt
 * that never got its job gets one.
 */
export class AttemptReconciler {
  constructor(
    private readonly storage: Storage,
    private readonly clock: Clock,
    private readonly starter: FixAttemptStarter,
  ) {}

  async reconcile(): Promise<{ failed: number; requeued: number }> {
    const result = { failed: 0, requeued: 0 };
    for (const attempt of await this.activeAttempts()) {
      if (attempt.jobId === null) {
        if (
          attempt.state === 'pending' &&
          this.clock.now().getTime() - attempt.updatedAt.getTime() > ORPHAN_AFTER_MS
        ) {
          await this.starter.enqueueRun(attempt);
          result.requeued += 1;
        }
        continue;
      }
      const job = await this.storage.jobs.getJob(attempt.jobId);
      if (job !== null && job.state !== 'failed' && job.state !== 'done') continue;
      // Done with the attempt still active: the handler returned without finishing it (it was replaced).
      const reason = job?.state === 'failed' ? `its job failed: ${job.lastError ?? 'unknown error'}` : 'its job ended without finishing it'; // prettier-ignore
      const moved = await this.storage.fixes.transition({ attemptId: attempt.id, from: attempt.state, to: 'failed', actor: SYSTEM, reason, at: this.clock.now(), patch: { lastError: reason } }); // prettier-ignore
      if (moved !== null) result.failed += 1;
    }
    return result;
  }

  private async activeAttempts(): Promise<StoredFixAttempt[]> {
    const projectIds: number[] = [];
    for (const organization of await this.storage.projects.listOrganizations()) {
      for (const project of await this.storage.projects.listProjects(organization.id))
        projectIds.push(project.id);
    }
    return this.storage.fixes.listAttempts({
      projectIds,
      states: [...ACTIVE_FIX_ATTEMPT_STATES],
      limit: 500,
      offset: 0,
    });
  }
}
