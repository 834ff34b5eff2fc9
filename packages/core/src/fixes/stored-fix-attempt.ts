import type { FixActor } from '../autofix/fix-actor.ts';
import type { FixAttemptState } from '../autofix/fix-attempt-state.ts';
import type { FixAttemptRecord } from '../autofix/fix-attempt.ts';
import type { PolicyCategory } from '../autofix/policy-category.ts';

/** What started an attempt: the trigger rules, a person (API, dashboard, CLI), or a dry run. */
export type FixTrigger = 'auto' | 'manual' | 'dry_run';

/** Whether the fix branch with this attempt's commit reached the remote. */
export type FixPushState = 'none' | 'pushed' | 'failed';

/** The CI verdict on the fix commit (GitHub check runs), once read. */
export type FixChecksState = 'pending' | 'success' | 'failure';

/**
 * One fix attempt as stored: the engine's record (candidate, reproduction, verdict, patches) plus the
 * columns people and the dashboard query (state, category, commit, approval, rollback, job bookkeeping).
 */
export interface StoredFixAttempt {
  id: number;
  projectId: number;
  issueId: number;
  state: FixAttemptState;
  trigger: FixTrigger;
  /** The engine's record as of its last save; null before the first run finished a step. */
  record: FixAttemptRecord | null;
  category: PolicyCategory | null;
  confidence: number | null;
  fixer: string | null;
  /** For people: what was wrong and what the fix does (root cause, summary, policy reasons). */
  explanation: string | null;
  /** Fix and test together, as a unified diff: exactly what is (or would be) committed. */
  diff: string | null;
  testFile: string | null;
  testContent: string | null;
  /** The verification outcome (`verified`, `fix_failed`, …) and the steps' logs. */
  verificationOutcome: string | null;
  verificationLog: string | null;
  baseSha: string | null;
  commitSha: string | null;
  /** The fix branch (or `fix/issue-<id>` with a PR per fix). */
  branch: string;
  pushState: FixPushState;
  pullRequestUrl: string | null;
  checksState: FixChecksState | null;
  /** Who may approve while awaiting approval: members (B) or admins (C). */
  approverRole: 'member' | 'admin' | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  rejectedBy: string | null;
  rejectionReason: string | null;
  rejectedAt: Date | null;
  rollbackSha: string | null;
  rolledBackAt: Date | null;
  /** How many times the attempt ran (first run and retries). */
  runs: number;
  lastError: string | null;
  /** Why the attempt is in its state (the last transition's reason). */
  reason: string | null;
  /** The `autofix.attempt` job of the current run, so the row can follow a job that died. */
  jobId: number | null;
  investigationId: number | null;
  createdAt: Date;
  updatedAt: Date;
  committedAt: Date | null;
}

export interface NewFixAttempt {
  projectId: number;
  issueId: number;
  trigger: FixTrigger;
  branch: string;
  investigationId?: number | null;
  createdAt: Date;
}

/** Fields a save may change; the state only changes through a transition. */
export type FixAttemptPatch = Partial<
  Omit<StoredFixAttempt, 'id' | 'projectId' | 'issueId' | 'state' | 'trigger' | 'createdAt'>
>;

/** One line of an attempt's audit trail: a state change (or an action that kept the state) and who did it. */
export interface FixAttemptEvent {
  id: number;
  attemptId: number;
  from: FixAttemptState | null;
  to: FixAttemptState;
  actor: FixActor | { kind: 'system'; name: string };
  reason: string;
  details: Record<string, unknown> | null;
  at: Date;
}

export type FixEventActor = FixAttemptEvent['actor'];
