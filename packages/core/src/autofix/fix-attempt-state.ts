export const FIX_ATTEMPT_STATES = [
  'pending',
  'reproducing',
  'generating',
  'verifying',
  'committed',
  'tests_passed',
  'tests_failed',
  'needs_review',
  'awaiting_approval',
  'rejected',
  'rolled_back',
  'failed',
] as const;
export type FixAttemptState = (typeof FIX_ATTEMPT_STATES)[number];

/** States in which the engine is (or will be) working on the attempt. */
export const ACTIVE_FIX_ATTEMPT_STATES = ['pending', 'reproducing', 'generating', 'verifying'] as const;

/** States in which a commit exists on the fix branch, so a rollback is possible. */
export const COMMITTED_FIX_ATTEMPT_STATES = ['committed', 'tests_passed', 'tests_failed'] as const;

/**
 * The moves a state machine may make. The engine walks pending → reproducing → generating ⇄ verifying and
 * then ends in committed, awaiting_approval, needs_review or failed; people (or agents) move the rest.
 */
const TRANSITIONS: Readonly<Record<FixAttemptState, readonly FixAttemptState[]>> = {
  pending: ['reproducing', 'failed'],
  reproducing: ['generating', 'needs_review', 'failed'],
  generating: ['verifying', 'needs_review', 'failed'],
  verifying: ['generating', 'committed', 'awaiting_approval', 'needs_review', 'failed'],
  committed: ['tests_passed', 'tests_failed', 'rolled_back'],
  tests_passed: ['tests_failed', 'rolled_back'],
  tests_failed: ['tests_passed', 'rolled_back'],
  needs_review: ['pending', 'rejected'],
  awaiting_approval: ['committed', 'rejected', 'failed', 'pending'],
  rejected: ['pending'],
  rolled_back: ['pending'],
  failed: ['pending'],
};

export function canTransitionFixAttempt(from: FixAttemptState, to: FixAttemptState): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isCommittedFixAttemptState(state: FixAttemptState): boolean {
  return (COMMITTED_FIX_ATTEMPT_STATES as readonly string[]).includes(state);
}
