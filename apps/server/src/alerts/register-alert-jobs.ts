import type { Job } from '@fixloop/core';
import type { JobHandlerRegistry } from '../worker/job-handlers.ts';
import type { AlertingContext } from './alerting-context.ts';
import { AlertDispatcher } from './alert-dispatcher.ts';
import {
  ALERTS_CRITICAL_CHECK_JOB,
  ALERTS_DAILY_SUMMARY_JOB,
  ALERTS_DELIVER_JOB,
  ALERTS_PIPELINE_JOB,
  ALERTS_TICK_JOB,
  ALERTS_WEEKLY_REPORT_JOB,
} from './alert-job-kinds.ts';
import { runAlertTick } from './alert-tick.ts';
import { runCriticalCheck } from './critical-check-report.ts';
import { deliverAlert } from './deliver-alert.ts';
import { loadIssueSubject, triggerFor } from './issue-alert-subject.ts';
import { parsePipelinePayload, runPipelineAlert } from './pipeline-alert.ts';
import { cronWindowMs, parseCronExpression } from '@fixloop/core';
import { runSummaryReport } from './summary-reports.ts';

const TEN_MINUTES_MS = 10 * 60_000;

function slotOf(job: Job, context: AlertingContext): Date {
  const slot = typeof job.payload['slot'] === 'string' ? new Date(job.payload['slot']) : null;
  return slot !== null && !Number.isNaN(slot.getTime()) ? slot : context.clock.now();
}

/**
 * Alerting's job handlers. Issue follow-ups (issue.created, issue.regressed) share their kinds with other
 * features, so alerting never throws for a delivery problem there: only its own bookkeeping (a database
 * error) fails the job, and a retry is idempotent.
 */
export function registerAlertJobs(handlers: JobHandlerRegistry, context: AlertingContext): AlertDispatcher {
  const dispatcher = new AlertDispatcher(context);
  const issueTrigger = (type: 'issue_created' | 'issue_regressed') => async (job: Job) => {
    const eventId = typeof job.payload['eventId'] === 'string' ? job.payload['eventId'] : null;
    const subject = await loadIssueSubject(
      context.storage,
      context.baseUrl(),
      Number(job.payload['issueId']),
      eventId,
    );
    if (subject === null) return;
    await dispatcher.dispatch(triggerFor(type, subject, context.baseUrl()), subject.project, `job:${job.id}`);
  };
  handlers
    .register('issue.created', issueTrigger('issue_created'))
    .register('issue.regressed', issueTrigger('issue_regressed'))
    .register(ALERTS_DELIVER_JOB, (job) =>
      deliverAlert(context, dispatcher, Number(job.payload['deliveryId'])),
    )
    .register(ALERTS_PIPELINE_JOB, async (job) => {
      const input = parsePipelinePayload(job.payload);
      if (input === null) return context.log(`alerts: ignoring malformed pipeline event in job ${job.id}`);
      await runPipelineAlert(context, dispatcher, input, `job:${job.id}`);
    })
    .register(ALERTS_TICK_JOB, (job) => runAlertTick(context, dispatcher, slotOf(job, context)))
    .register(ALERTS_CRITICAL_CHECK_JOB, (job) => {
      const parsed = parseCronExpression(String(job.payload['cron'] ?? ''));
      const slot = slotOf(job, context);
      const windowMs = parsed.ok ? cronWindowMs(parsed.cron, slot) : TEN_MINUTES_MS;
      return runCriticalCheck(context, dispatcher, Number(job.payload['ruleId']), slot, windowMs);
    })
    .register(ALERTS_DAILY_SUMMARY_JOB, (job) =>
      runSummaryReport(
        context,
        dispatcher,
        'daily_summary',
        Number(job.payload['ruleId']),
        slotOf(job, context),
      ),
    )
    .register(ALERTS_WEEKLY_REPORT_JOB, (job) =>
      runSummaryReport(
        context,
        dispatcher,
        'weekly_report',
        Number(job.payload['ruleId']),
        slotOf(job, context),
      ),
    );
  return dispatcher;
}
