/** One run of a fix attempt (payload `{ attemptId }`), on the repository lane, one per repository at a time. */
export const AUTOFIX_ATTEMPT_JOB = 'autofix.attempt';
/**
 * Fetch, reset merged fix branches, regenerate pending fixes, retry failed pushes, read check runs
 * (payload `{ projectId? }`): every 10 minutes for every project, and on demand for one.
 */
export const AUTOFIX_SYNC_JOB = 'autofix.sync';
/**
 * Every minute: the "≥N events within M minutes" trigger rules, and attempts whose job died. Counting
 * in a recurring job keeps ingest free of per-event work.
 */
export const AUTOFIX_SCAN_JOB = 'autofix.scan';
/** Consumed by the alerting wiring; payload `{ event, issueId, fixId, … }`. */
export const PIPELINE_ALERT_JOB = 'alerts.pipeline';

export function repositoryConcurrencyKey(projectId: number): string {
  return `repository:${projectId}`;
}
