import { loadAutofixEngine } from './load-autofix-engine.ts';
import { ACTIVE_FIX_ATTEMPT_STATES } from '@fixloop/core';
import type { Investigation, Issue, Job, StoredFixAttempt } from '@fixloop/core';
import type { InvestigationRunner } from '../investigations/investigation-runner.ts';
import { attemptRecordColumns } from './attempt-record-columns.ts';
import type { AutofixPortsFactory } from './autofix-ports-factory.ts';
import type { FixAttemptStarter } from './fix-attempt-starter.ts';
import type { FixFollowUps } from './fix-follow-ups.ts';
import { RepositoryLease } from './repository-lease.ts';

export interface FixAttemptRunnerDeps {
  factory: AutofixPortsFactory;
  followUps: FixFollowUps;
  starter: FixAttemptStarter;
  /** Runs an investigation first when the issue has none; null leaves attempts without one. */
  investigations: InvestigationRunner | null;
  /** Names this process as the owner of repository leases. */
  instanceId: string;
}

const SYSTEM = { kind: 'system', name: 'fixloop' } as const;
const ACTIVE: readonly string[] = ACTIVE_FIX_ATTEMPT_STATES;
const LEASE_BUSY_RETRY_MS = 30_000;

/**
 * The `autofix.attempt` job: one run of the engine on one attempt, under the repository lease. A run
 * that finds its attempt mid-way (the previous run's process died) closes that run as failed and starts
 * over; the attempt row thus always follows its job.
 */
export class FixAttemptRunner {
  constructor(private readonly deps: FixAttemptRunnerDeps) {}

  async run(job: Job): Promise<void> {
    const { storage, clock } = this.deps.factory.environment;
    const attempt = await storage.fixes.getAttempt(Number(job.payload['attemptId']));
    if (attempt === null || !this.isRunnable(attempt, job)) return;
    const lease = await RepositoryLease.acquire(
      storage.fixes,
      clock,
      attempt.projectId,
      this.deps.instanceId,
    );
    if (lease === null) {
      // Another process works on this repository (its queue lock expired): come back later.
      await this.deps.starter.enqueueRun(attempt, { delayMs: LEASE_BUSY_RETRY_MS });
      return;
    }
    try {
      const started = await this.restart(attempt, job);
      if (started !== null) await this.execute(started, job);
    } finally {
      await lease.release();
    }
  }

  private isRunnable(attempt: StoredFixAttempt, job: Job): boolean {
    if (ACTIVE.includes(attempt.state)) return true;
    // The retry of this very job, after its first run failed.
    return attempt.state === 'failed' && attempt.jobId === job.id && job.attempts > 1;
  }

  /** Back to pending with the run counted; a run interrupted mid-way is closed as failed first. */
  private async restart(attempt: StoredFixAttempt, job: Job): Promise<StoredFixAttempt | null> {
    const fixes = this.deps.factory.environment.storage.fixes;
    const at = this.deps.factory.environment.clock.now();
    let current: StoredFixAttempt | null = attempt;
    if (current.state !== 'pending' && current.state !== 'failed') {
      const reason = `the run was interrupted in ${current.state} (its worker stopped); starting again`;
      current = await fixes.transition({ attemptId: current.id, from: current.state, to: 'failed', actor: SYSTEM, reason, at, patch: { lastError: reason } }); // prettier-ignore
    }
    if (current?.state === 'failed') {
      current = await fixes.transition({ attemptId: current.id, from: 'failed', to: 'pending', actor: SYSTEM, reason: `retry (job ${job.id}, try ${job.attempts})`, at }); // prettier-ignore
    }
    if (current === null) return null;
    return fixes.update(current.id, { runs: current.runs + 1, jobId: job.id, updatedAt: at });
  }

  private async execute(attempt: StoredFixAttempt, job: Job): Promise<void> {
    const { storage, clock } = this.deps.factory.environment;
    const project = await storage.projects.getProject(attempt.projectId);
    const issue = await storage.issues.getIssue(attempt.issueId);
    const projectFix = project === null ? null : await this.deps.factory.forProject(project);
    const [event] =
      issue === null ? [] : await storage.events.listIssueEvents(issue.id, { limit: 1, offset: 0 });
    if (project === null || issue === null || projectFix === null || event === undefined) {
      const reason = issue === null ? 'the issue no longer exists' : projectFix === null ? 'the project has no repository' : 'the issue has no event'; // prettier-ignore
      await storage.fixes.transition({ attemptId: attempt.id, from: 'pending', to: 'failed', actor: SYSTEM, reason, at: clock.now(), patch: { lastError: reason } }); // prettier-ignore
      return;
    }
    const investigation = await this.investigation(issue);
    const { ports, repository } = projectFix;
    const { runFixAttempt } = await loadAutofixEngine();
    const record = await runFixAttempt(
      {
        attemptId: attempt.id,
        projectId: project.id,
        issue: {
          id: issue.id,
          shortId: `${project.slug.toUpperCase()}-${issue.shortId}`,
          title: issue.title,
        },
        event: event.payload,
        repository: { ...repository, fixBranch: attempt.branch },
        investigation: investigation?.summary ? { summary: investigation.summary, details: investigation.markdown ?? '' } : null, // prettier-ignore
      },
      ports,
      this.deps.factory.options(project, ports, job.payload['dryRun'] === true),
    );
    let saved = await storage.fixes.update(attempt.id, {
      ...attemptRecordColumns(record),
      ...(investigation ? { investigationId: investigation.id } : {}),
      updatedAt: clock.now(),
    });
    if (saved === null) return;
    if (saved.state === 'committed') saved = await this.deps.followUps.publish(saved, project, ports.git);
    await this.deps.followUps.announce(saved);
  }

  /** The latest completed investigation, or a fresh one when the issue was never investigated. */
  private async investigation(issue: Issue): Promise<Investigation | null> {
    const { storage, clock, log } = this.deps.factory.environment;
    const previous = await storage.investigations.listForIssue(issue.id, { limit: 20, offset: 0 });
    const done = previous.find((i) => i.status === 'completed');
    if (done !== undefined || previous.length > 0 || this.deps.investigations === null) return done ?? null;
    try {
      const created = await storage.investigations.create({ issueId: issue.id, projectId: issue.projectId, trigger: 'auto', createdAt: clock.now() }); // prettier-ignore
      return await this.deps.investigations.run(created.id);
    } catch (error) {
      log(`autofix: investigating issue ${issue.id} before its fix failed: ${(error as Error).message}`);
      return null;
    }
  }
}
