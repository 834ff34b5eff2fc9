import type { AlertPipelineDetails, JobQueue, PipelineAlertKind } from '@fixloop/core';

/** Sends one recorded delivery (payload `{ deliveryId }`); rescheduled on 429/5xx until it gives up. */
export const ALERTS_DELIVER_JOB = 'alerts.deliver';
/** A pipeline step about an issue (payload: PipelineEventInput); see publishPipelineEvent. */
export const ALERTS_PIPELINE_JOB = 'alerts.pipeline';
/** Every minute: digests, due reports, critical events, spikes, user reports, resolves, failing jobs. */
export const ALERTS_TICK_JOB = 'alerts.tick';
/** The recurring reports, one job per rule and cron slot (payload `{ ruleId, slot }`). */
export const ALERTS_CRITICAL_CHECK_JOB = 'alerts.critical-check';
export const ALERTS_DAILY_SUMMARY_JOB = 'alerts.daily-summary';
export const ALERTS_WEEKLY_REPORT_JOB = 'alerts.weekly-report';
/** Started by `/investigate`; the investigation wiring handles it (it stays queued without a handler). */
export const INVESTIGATION_RUN_JOB = 'investigation.run';

/** What the investigation and autofix wiring publish; everything but `event` and `issueId` is optional. */
export interface PipelineEventInput extends Partial<AlertPipelineDetails> {
  event: PipelineAlertKind;
  issueId: number;
  /** The investigation the step is about: its root cause and files fill in what is not given. */
  investigationId?: number;
}

/**
 * Tells alerting about a pipeline step: investigation done, fix committed, fix needs review, escalation,
 * fix tests failed. Enqueue it in the transaction (or right after) of the state change; `dedupeKey` makes a
 * retried caller publish once. Alert rules with a `pipeline` trigger decide who hears about it.
 */
export async function publishPipelineEvent(
  jobs: JobQueue,
  input: PipelineEventInput,
  options: { dedupeKey?: string; at?: Date } = {},
): Promise<number> {
  const job = {
    kind: ALERTS_PIPELINE_JOB,
    payload: { ...input },
    maxAttempts: 5,
    ...(options.at ? { runAt: options.at } : {}),
  };
  if (options.dedupeKey === undefined) return jobs.enqueue(job);
  return (await jobs.enqueueUnique({ ...job, dedupeKey: options.dedupeKey })).id;
}
