import { checkKillSwitch, type FixActor, type FixAttemptRecord, type FixAttemptState } from '@fixloop/core';
import type { AutofixPorts } from './autofix-ports.ts';

/**
 * Holds an attempt's record and moves it between states, reporting every move to the journal, and asks
 * the kill switch before every step: once it is off, the attempt ends as failed at that step.
 */
export class AttemptTracker {
  constructor(
    readonly record: FixAttemptRecord,
    private readonly ports: Pick<AutofixPorts, 'journal' | 'switches' | 'clock'>,
    private readonly actor: FixActor,
  ) {}

  async moveTo(to: FixAttemptState, reason: string, details?: Record<string, unknown>): Promise<void> {
    const from = this.record.state;
    const { id: attemptId, projectId, issueId } = this.record;
    const record = { ...this.record, state: to, reason };
    await this.ports.journal.transition({ attemptId, projectId, issueId, from, to, at: this.ports.clock.now(), actor: this.actor, reason, record, ...(details ? { details } : {}) }); // prettier-ignore
    this.record.state = to;
    this.record.reason = reason;
  }

  /** True when the step may run; otherwise the attempt is failed with the switch's reason. */
  async allowed(step: string): Promise<boolean> {
    const verdict = checkKillSwitch(await this.ports.switches.read(this.record.projectId));
    if (verdict.allowed) return true;
    await this.moveTo('failed', `stopped before ${step}: ${verdict.reason}`, { killSwitch: true });
    return false;
  }

  async escalate(reason: string): Promise<void> {
    const { id: attemptId, projectId, issueId } = this.record;
    await this.ports.journal.escalate({ attemptId, projectId, issueId, at: this.ports.clock.now(), reason });
  }
}

export function newAttemptRecord(input: {
  attemptId: number;
  projectId: number;
  issueId: number;
  fixBranch: string;
}): FixAttemptRecord {
  return {
    id: input.attemptId,
    projectId: input.projectId,
    issueId: input.issueId,
    state: 'pending',
    baseSha: null,
    fixBranch: input.fixBranch,
    reproduction: null,
    candidate: null,
    verdict: null,
    commitPatch: null,
    commitMessage: null,
    commitSha: null,
    committedAt: null,
    reason: null,
    approverRole: null,
    tried: [],
  };
}
