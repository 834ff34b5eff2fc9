import type { Storage } from '@fixloop/core';
import { PIPELINE_ALERT_JOB } from './autofix-job-kinds.ts';

export type FixAlertEvent = 'fix_committed' | 'needs_review' | 'escalation' | 'fix_tests_failed';

export interface FixAlertInput {
  issueId: number;
  fixId: number;
  /** The attempt's run, so a retried attempt alerts again while a retried job does not. */
  run: number;
  commitSha?: string | null;
  fixUrl?: string | null;
  rootCause?: string | null;
  relatedFiles?: string[];
}

const FIX_STATUS: Record<FixAlertEvent, string> = {
  fix_committed: 'committed',
  needs_review: 'proposed',
  escalation: 'none',
  fix_tests_failed: 'tests_failed',
};

/** Tells the alerting wiring about a fix (an `alerts.pipeline` job), once per event, attempt and run. */
export async function publishFixAlert(
  storage: Storage,
  event: FixAlertEvent,
  input: FixAlertInput,
): Promise<void> {
  const { run, ...details } = input;
  await storage.jobs.enqueueUnique({
    kind: PIPELINE_ALERT_JOB,
    payload: { event, ...details, fixStatus: FIX_STATUS[event] },
    dedupeKey: `pipeline:${event}:fix:${input.fixId}:${run}`,
    maxAttempts: 5,
  });
}
