import type { Clock, FixStore } from '@fixloop/core';

const TTL_MS = 2 * 60_000;
const RENEW_MS = 30_000;

/**
 * Holds the database lease on one repository while a job works on it, renewed every 30 s. The job
 * queue already runs one job per repository key at a time; the lease also covers a job whose queue
 * lock expired while it was still running (another instance may then claim the retry), so two
 * processes sharing a database never work on one repository at once.
 */
export class RepositoryLease {
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly fixes: FixStore,
    private readonly clock: Clock,
    readonly key: string,
    private readonly owner: string,
  ) {}

  /** The lease, or null when another owner holds it. */
  static async acquire(
    fixes: FixStore,
    clock: Clock,
    projectId: number,
    owner: string,
  ): Promise<RepositoryLease | null> {
    const lease = new RepositoryLease(fixes, clock, `repository:${projectId}`, owner);
    if (!(await lease.renew())) return null;
    lease.timer = setInterval(() => void lease.renew().catch(() => undefined), RENEW_MS);
    lease.timer.unref();
    return lease;
  }

  private renew(): Promise<boolean> {
    const now = this.clock.now();
    return this.fixes.acquireLease(this.key, this.owner, new Date(now.getTime() + TTL_MS), now);
  }

  async release(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.fixes.releaseLease(this.key, this.owner);
  }
}
