import type { AlertingContext } from './alerting-context.ts';
import type { AlertDispatcher } from './alert-dispatcher.ts';
import { checkCriticalEvents } from './critical-events-check.ts';
import { enqueueDueReports } from './enqueue-due-reports.ts';
import { checkFailingJobs } from './failing-jobs-check.ts';
import { flushDigests } from './flush-digests.ts';
import { checkResolvedIssues } from './resolved-issues-check.ts';
import { checkSpikes } from './spike-check.ts';
import { checkUserReports } from './user-report-check.ts';

/**
 * The minute tick of alerting. Every step runs even when one fails (a broken spike query must not hold
 * back the daily summary); the job fails afterwards so the failure is retried and visible.
 */
export async function runAlertTick(
  context: AlertingContext,
  dispatcher: AlertDispatcher,
  slot: Date,
): Promise<void> {
  const steps: [string, () => Promise<unknown>][] = [
    ['digests', () => flushDigests(context, dispatcher)],
    ['reports', () => enqueueDueReports(context, slot)],
    ['critical events', () => checkCriticalEvents(context, dispatcher, slot)],
    ['spikes', () => checkSpikes(context, dispatcher, slot)],
    ['user reports', () => checkUserReports(context, dispatcher)],
    ['resolved issues', () => checkResolvedIssues(context, dispatcher)],
    ['failing jobs', () => checkFailingJobs(context, dispatcher)],
  ];
  const failures: string[] = [];
  for (const [name, step] of steps) {
    try {
      await step();
    } catch (error) {
      failures.push(`${name}: ${(error as Error).message}`);
    }
  }
  if (failures.length > 0) throw new Error(`alerts tick: ${failures.join('; ')}`);
}
