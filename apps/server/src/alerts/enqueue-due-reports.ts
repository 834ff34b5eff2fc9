import { cronSlotsBetween, parseCronExpression } from '@fixloop/core';
import type { ScheduledReport } from '@fixloop/core';
import type { AlertingContext } from './alerting-context.ts';
import {
  ALERTS_CRITICAL_CHECK_JOB,
  ALERTS_DAILY_SUMMARY_JOB,
  ALERTS_WEEKLY_REPORT_JOB,
} from './alert-job-kinds.ts';

export const REPORT_JOBS: Readonly<Record<ScheduledReport, string>> = {
  critical_check: ALERTS_CRITICAL_CHECK_JOB,
  daily_summary: ALERTS_DAILY_SUMMARY_JOB,
  weekly_report: ALERTS_WEEKLY_REPORT_JOB,
};

/** A tick missed by a short outage (restart, deploy) still runs the reports that fell into it. */
const LOOKBACK_MS = 10 * 60_000;

/**
 * Enqueues the report jobs of every rule whose cron has a slot in the last few minutes. Each job is keyed
 * by rule, report and slot, so across instances, retries and overlapping lookbacks a slot runs once.
 */
export async function enqueueDueReports(context: AlertingContext, tickSlot: Date): Promise<number> {
  const { storage, clock } = context;
  let created = 0;
  for (const rule of await storage.alerts.listScheduledRules()) {
    if (!rule.enabled) continue;
    for (const trigger of rule.triggers) {
      if (trigger.type !== 'schedule') continue;
      const parsed = parseCronExpression(trigger.cron);
      if (!parsed.ok) continue;
      for (const slot of cronSlotsBetween(
        parsed.cron,
        new Date(tickSlot.getTime() - LOOKBACK_MS),
        tickSlot,
      )) {
        const result = await storage.jobs.enqueueUnique({
          kind: REPORT_JOBS[trigger.report],
          payload: { ruleId: rule.id, slot: slot.toISOString(), cron: trigger.cron },
          dedupeKey: `alerts.report:${rule.id}:${trigger.report}:${slot.toISOString()}`,
          runAt: clock.now(),
          maxAttempts: 3,
        });
        if (result.created) created += 1;
      }
    }
  }
  return created;
}
