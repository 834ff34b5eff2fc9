import type { FixAttemptState } from '../autofix/fix-attempt-state.ts';

export type AttemptCause = 'issue.created' | 'issue.regressed' | 'event_threshold';

/** States in which an attempt still has something to say about the issue: no new automatic one then. */
const OPEN_STATES: readonly FixAttemptState[] = [
  'pending',
  'reproducing',
  'generating',
  'verifying',
  'awaiting_approval',
  'needs_review',
  'committed',
  'tests_passed',
  'tests_failed',
];

/**
 * Whether the trigger rules may start an automatic attempt, given the earlier attempts (newest
 * first). An issue gets one automatic attempt; a regression gets another once the earlier ones are closed
 * (rejected, rolled back, failed). Retries and manual attempts are people's decisions and skip this.
 */
export function shouldStartAutoAttempt(
  cause: AttemptCause,
  earlier: readonly { state: FixAttemptState }[],
): boolean {
  if (earlier.length === 0) return true;
  if (cause !== 'issue.regressed') return false;
  return !earlier.some((attempt) => OPEN_STATES.includes(attempt.state));
}
