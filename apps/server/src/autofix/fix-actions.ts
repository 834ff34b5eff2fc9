import type { FixActionResult } from '@fixloop/autofix';
import { AppError, canTransitionFixAttempt } from '@fixloop/core';
import { loadAutofixEngine } from './load-autofix-engine.ts';
import type {
  FixActor,
  FixAttemptPatch,
  FixAttemptRecord,
  FixEventActor,
  Project,
  StoredFixAttempt,
} from '@fixloop/core';
import { attemptRecordColumns } from './attempt-record-columns.ts';
import type { AutofixPortsFactory, ProjectAutofix } from './autofix-ports-factory.ts';
import type { FixAttemptStarter } from './fix-attempt-starter.ts';
import type { FixFollowUps } from './fix-follow-ups.ts';

/**
 * What people do with an attempt (API, dashboard, CLI): approve (commit the verified patch), reject with
 * a reason, roll back within 24 hours (a revert commit), retry. The engine decides whether the action is
 * allowed and moves the state through the journal; this saves the outcome and publishes commits.
 */
export class FixActions {
  constructor(
    private readonly factory: AutofixPortsFactory,
    private readonly followUps: FixFollowUps,
    private readonly starter: FixAttemptStarter,
  ) {}

  async approve(
    attempt: StoredFixAttempt,
    project: Project,
    actor: FixActor & { kind: 'user' },
  ): Promise<StoredFixAttempt> {
    // prettier-ignore
    const { ports } = await this.projectAutofix(project);
    const botIdentity = project.settings.autofix.botIdentity;
    const { approveFixAttempt } = await loadAutofixEngine();
    const result = await approveFixAttempt(engineRecord(attempt), actor, ports, { ...(botIdentity ? { botIdentity } : {}), push: false }); // prettier-ignore
    const record = accepted(result);
    const now = this.factory.environment.clock.now();
    let saved = await this.save(attempt, record, {
      approvedBy: actor.name ?? `user ${actor.userId}`,
      approvedAt: now,
    });
    saved = await this.followUps.publish(saved, project, ports.git);
    await this.followUps.announce(saved);
    return saved;
  }

  async reject(attempt: StoredFixAttempt, actor: FixActor, reason: string): Promise<StoredFixAttempt> {
    const { journal, switches } = this.factory;
    const clock = this.factory.environment.clock;
    const { rejectFixAttempt } = await loadAutofixEngine();
    const result = await rejectFixAttempt(engineRecord(attempt), actor, reason, { journal, switches, clock });
    const by = actor.kind === 'user' ? (actor.name ?? `user ${actor.userId}`) : actor.name;
    return this.save(attempt, accepted(result), { rejectedBy: by, rejectionReason: reason.trim(), rejectedAt: clock.now() }); // prettier-ignore
  }

  async rollback(
    attempt: StoredFixAttempt,
    project: Project,
    actor: FixActor,
    reason?: string,
  ): Promise<StoredFixAttempt> {
    // prettier-ignore
    const { ports } = await this.projectAutofix(project);
    const botIdentity = project.settings.autofix.botIdentity;
    const { rollbackFixAttempt } = await loadAutofixEngine();
    const result = await rollbackFixAttempt(engineRecord(attempt), actor, ports, { ...(botIdentity ? { botIdentity } : {}), push: false, ...(reason ? { reason } : {}) }); // prettier-ignore
    const record = accepted(result);
    const revert = await ports.git.branchHead(attempt.branch);
    const saved = await this.save(attempt, record, { rollbackSha: revert, rolledBackAt: this.factory.environment.clock.now() }); // prettier-ignore
    return this.followUps.publish(saved, project, ports.git);
  }

  /** Runs the attempt again from the start (against the base branch's current head). */
  async retry(
    attempt: StoredFixAttempt,
    actor: FixEventActor,
    reason = 'retry requested',
  ): Promise<StoredFixAttempt> {
    if (!canTransitionFixAttempt(attempt.state, 'pending')) {
      throw new AppError('conflict', `a ${attempt.state} fix cannot be retried`);
    }
    const moved = await this.factory.environment.storage.fixes.transition({
      attemptId: attempt.id,
      from: attempt.state,
      to: 'pending',
      actor,
      reason,
      at: this.factory.environment.clock.now(),
      patch: { lastError: null },
    });
    if (moved === null) throw new AppError('conflict', 'the fix changed meanwhile; reload it and try again');
    return this.starter.enqueueRun(moved);
  }

  private async projectAutofix(project: Project): Promise<ProjectAutofix> {
    const projectFix = await this.factory.forProject(project);
    if (projectFix === null) throw new AppError('conflict', 'the project has no repository');
    return projectFix;
  }

  private async save(
    attempt: StoredFixAttempt,
    record: FixAttemptRecord,
    extra: FixAttemptPatch,
  ): Promise<StoredFixAttempt> {
    // prettier-ignore
    const { storage, clock } = this.factory.environment;
    const saved = await storage.fixes.update(attempt.id, { ...attemptRecordColumns(record), ...extra, updatedAt: clock.now() }); // prettier-ignore
    if (saved === null) throw new AppError('not_found', 'The requested fix does not exist.');
    return saved;
  }
}

/** The engine's record with the state and commit as stored (the sync job moves states outside the engine). */
export function engineRecord(attempt: StoredFixAttempt): FixAttemptRecord {
  if (attempt.record === null)
    throw new AppError('conflict', `the fix has no result yet (it is ${attempt.state})`);
  return {
    ...attempt.record,
    state: attempt.state,
    commitSha: attempt.commitSha,
    committedAt: attempt.committedAt,
  };
}

function accepted(result: FixActionResult): FixAttemptRecord {
  if (result.ok) return result.record;
  throw new AppError(result.code === 'forbidden' ? 'forbidden' : 'conflict', result.reason);
}
