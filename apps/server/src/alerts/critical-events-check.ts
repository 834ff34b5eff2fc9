import { evaluateAlertRules } from '@fixloop/core';
import type { AlertingContext } from './alerting-context.ts';
import type { AlertDispatcher } from './alert-dispatcher.ts';
import { loadIssueSubject, triggerFor } from './issue-alert-subject.ts';
import { projectsWithTrigger } from './organization-rules.ts';

const MINUTE_MS = 60_000;

/**
 * Rules with a `critical_event` trigger fire within a minute of a fatal or blocking event: each tick looks at
 * the minute before its slot (ticks are once per slot, so the windows never overlap).
 */
export async function checkCriticalEvents(
  context: AlertingContext,
  dispatcher: AlertDispatcher,
  slot: Date,
): Promise<void> {
  const now = context.clock.now();
  for (const { project, rules } of await projectsWithTrigger(context.storage, 'critical_event')) {
    const activity = await context.storage.alerts.criticalActivity(
      [project.id],
      new Date(slot.getTime() - MINUTE_MS),
      slot,
    );
    for (const item of activity) {
      const subject = await loadIssueSubject(
        context.storage,
        context.baseUrl(),
        item.issueId,
        item.lastEventId || null,
      );
      if (subject === null) continue;
      const matches = evaluateAlertRules(
        rules,
        triggerFor('event_received', subject, context.baseUrl()),
        now,
      );
      await dispatcher.deliverMatches(matches, project.organizationId, `tick:${slot.toISOString()}:critical`);
    }
  }
}
