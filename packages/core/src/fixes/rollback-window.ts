import { isCommittedFixAttemptState } from '../autofix/fix-attempt-state.ts';
import type { StoredFixAttempt } from './stored-fix-attempt.ts';

/** A committed fix can be reverted for this long after its commit. */
export const ROLLBACK_WINDOW_MS = 24 * 60 * 60 * 1000;

export type RollbackCheck = { allowed: true } | { allowed: false; reason: string };

/**
 * Whether a rollback (a revert commit on the fix branch) is still possible: only for a committed fix,
 * and only within 24 hours of its commit, after which the branch has likely moved on and been reviewed.
 */
export function checkRollback(
  attempt: Pick<StoredFixAttempt, 'state' | 'commitSha' | 'committedAt'>,
  now: Date,
): RollbackCheck {
  if (!isCommittedFixAttemptState(attempt.state) || attempt.commitSha === null) {
    return {
      allowed: false,
      reason: `only a committed fix can be rolled back (this one is ${attempt.state})`,
    };
  }
  if (attempt.committedAt === null) return { allowed: false, reason: 'the commit time is unknown' };
  if (now.getTime() - attempt.committedAt.getTime() > ROLLBACK_WINDOW_MS) {
    return { allowed: false, reason: 'the rollback window (24 hours after the commit) has passed' };
  }
  return { allowed: true };
}
