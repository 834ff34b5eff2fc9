import type { FixAttemptState } from '../autofix/fix-attempt-state.ts';
import type { AutofixSwitchRecord, AutofixSwitchScope } from '../fixes/autofix-switch-record.ts';
import type {
  FixAttemptEvent,
  FixAttemptPatch,
  FixEventActor,
  NewFixAttempt,
  StoredFixAttempt,
} from '../fixes/stored-fix-attempt.ts';

export interface FixAttemptQuery {
  projectIds: number[];
  issueId?: number;
  states?: FixAttemptState[];
  limit: number;
  offset: number;
}

export interface FixTransitionInput {
  attemptId: number;
  /** The state the caller saw; the change happens only if the attempt is still in it (compare-and-set). */
  from: FixAttemptState;
  to: FixAttemptState;
  actor: FixEventActor;
  reason: string;
  details?: Record<string, unknown> | null;
  at: Date;
  /** Other fields saved in the same transaction (e.g. the approver, the rollback commit). */
  patch?: FixAttemptPatch;
}

/**
 * Fix attempts, their audit trail, the kill switches and the repository leases. An issue has at most one
 * attempt in an active state (pending, reproducing, generating, verifying) at a time, across processes.
 */
export interface FixStore {
  /**
   * Creates a pending attempt, unless the issue already has an active one: then that one is returned
   * with `created: false`. The creation is the first line of the audit trail.
   */
  createAttempt(
    input: NewFixAttempt,
    actor: FixEventActor,
    reason: string,
  ): Promise<{ attempt: StoredFixAttempt; created: boolean }>;
  getAttempt(id: number): Promise<StoredFixAttempt | null>;
  /** Newest first. */
  listAttempts(query: FixAttemptQuery): Promise<StoredFixAttempt[]>;
  /** Attempts per state in the projects. */
  countByState(projectIds: number[]): Promise<Partial<Record<FixAttemptState, number>>>;
  /**
   * Moves the attempt from `from` to `to` and appends the audit line, in one transaction. Returns the
   * updated attempt, or null when it was no longer in `from` (someone else moved it first).
   */
  transition(input: FixTransitionInput): Promise<StoredFixAttempt | null>;
  /** Saves fields other than the state; returns the updated attempt. */
  update(id: number, patch: FixAttemptPatch): Promise<StoredFixAttempt | null>;
  /** An audit line for an action that does not change the state (push, PR opened, checks read). */
  recordEvent(event: Omit<FixAttemptEvent, 'id' | 'from'>): Promise<FixAttemptEvent>;
  /** Oldest first. */
  listEvents(attemptId: number): Promise<FixAttemptEvent[]>;

  /** The switch row, or null when it was never set (on). */
  getSwitch(scope: AutofixSwitchScope, scopeId: number): Promise<AutofixSwitchRecord | null>;
  setSwitch(record: AutofixSwitchRecord): Promise<AutofixSwitchRecord>;

  /**
   * Takes (or renews) the lease `key` for `owner` until `until`, when it is free, expired at `now`, or
   * already the owner's. At most one owner holds a key at a time across processes.
   */
  acquireLease(key: string, owner: string, until: Date, now: Date): Promise<boolean>;
  releaseLease(key: string, owner: string): Promise<void>;
}
