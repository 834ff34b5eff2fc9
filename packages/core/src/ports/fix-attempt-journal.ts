import type { FixActor } from '../autofix/fix-actor.ts';
import type { FixAttemptState } from '../autofix/fix-attempt-state.ts';
import type { FixAttemptRecord } from '../autofix/fix-attempt.ts';

export interface FixAttemptTransition {
  attemptId: number;
  projectId: number;
  issueId: number;
  from: FixAttemptState;
  to: FixAttemptState;
  at: Date;
  actor: FixActor;
  reason: string;
  details?: Readonly<Record<string, unknown>>;
  /**
   * The engine's record as of this transition. Stored with the state, so nobody reads a decided attempt
   * (awaiting approval, committed, needs review) without its fix, test and verification.
   */
  record?: FixAttemptRecord;
}

/** An issue no fixer could handle; alerting turns it into an escalation notice. */
export interface FixEscalation {
  attemptId: number;
  projectId: number;
  issueId: number;
  at: Date;
  reason: string;
}

/** Where the engine reports every state change, so the job wiring can persist and show it. */
export interface FixAttemptJournal {
  transition(transition: FixAttemptTransition): Promise<void>;
  escalate(escalation: FixEscalation): Promise<void>;
}
