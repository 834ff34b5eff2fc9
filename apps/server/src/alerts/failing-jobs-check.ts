import type { AlertMessage } from '@fixloop/core';
import type { AlertingContext } from './alerting-context.ts';
import type { AlertDispatcher } from './alert-dispatcher.ts';

const HOUR_MS = 60 * 60_000;
const STATE = 'system:failing-jobs';

/**
 * Recurring jobs that keep failing alert the admins (channels flagged `systemAlerts`) at most once an hour,
 * whichever instance notices first: the last notice time is claimed by compare-and-set.
 */
export async function checkFailingJobs(
  context: AlertingContext,
  dispatcher: AlertDispatcher,
): Promise<boolean> {
  const { storage, clock } = context;
  const now = clock.now();
  const failing = await storage.alerts.failingRecurringJobs(new Date(now.getTime() - HOUR_MS));
  if (failing.length === 0) return false;
  const state = await storage.alerts.readState(STATE);
  const lastAt = (state?.value as { lastAt?: unknown } | undefined)?.lastAt;
  if (lastAt instanceof Date && now.getTime() - lastAt.getTime() < HOUR_MS) return false;
  if (!(await storage.alerts.writeState(STATE, { lastAt: now }, state?.version ?? null))) return false;
  const text = failing.map((f) => `${f.kind} (${f.failures}×: ${f.lastError.slice(0, 200)})`).join('; ');
  context.log(`alerts: recurring jobs keep failing: ${text}`);
  const message: AlertMessage = {
    kind: 'escalation',
    ruleId: null,
    ruleName: `Recurring jobs keep failing: ${text}`,
    issue: null,
    pipeline: null,
    spike: null,
    digest: null,
    dashboardUrl: context.baseUrl(),
    createdAt: now,
  };
  const channels = (await storage.alerts.listChannels({ enabledOnly: true })).filter((c) => c.systemAlerts);
  for (const channel of channels) {
    await dispatcher.queueDelivery(
      channel,
      {
        kind: 'system',
        ruleId: null,
        issueId: null,
        summary: `system: ${text}`.slice(0, 300),
        dedupeKey: `system:failing-jobs:${now.toISOString()}:channel:${channel.id}`,
      },
      { type: 'alert', message },
    );
  }
  return true;
}
