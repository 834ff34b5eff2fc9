import { evaluateAlertRules, spikeWindows } from '@fixloop/core';
import type { AlertRule, SpikeWindowCount } from '@fixloop/core';
import type { AlertingContext } from './alerting-context.ts';
import type { AlertDispatcher } from './alert-dispatcher.ts';
import { loadIssueSubject } from './issue-alert-subject.ts';
import { projectsWithTrigger } from './organization-rules.ts';

const MINUTE_MS = 60_000;
/** The baseline is the day before the window, as an average per window. */
const BASELINE_MS = 24 * 60 * MINUTE_MS;

function minEventsFor(rules: readonly AlertRule[], windowMinutes: number): number {
  const mins = rules.flatMap((r) =>
    r.triggers.flatMap((t) => (t.type === 'spike' && t.windowMinutes === windowMinutes ? [t.minEvents] : [])),
  );
  return Math.max(1, Math.min(...mins));
}

/**
 * Error spikes: issues with at least `minEvents` in a rule's window, compared with their own baseline. The
 * rule decides (ratio); the throttle keeps a lasting spike to one alert per rule window.
 */
export async function checkSpikes(
  context: AlertingContext,
  dispatcher: AlertDispatcher,
  slot: Date,
): Promise<void> {
  const { storage } = context;
  const now = context.clock.now();
  for (const { project, rules } of await projectsWithTrigger(storage, 'spike')) {
    const windows = new Map<number, { lastEventId: string; counts: SpikeWindowCount[] }>();
    for (const minutes of spikeWindows(rules)) {
      const windowMs = minutes * MINUTE_MS;
      const start = new Date(slot.getTime() - windowMs);
      const busy = await storage.alerts.busyIssues([project.id], start, slot, minEventsFor(rules, minutes));
      const baseline = await storage.alerts.countIssueEvents(
        busy.map((b) => b.issueId),
        new Date(start.getTime() - BASELINE_MS),
        start,
      );
      for (const item of busy) {
        const entry = windows.get(item.issueId) ?? { lastEventId: item.lastEventId, counts: [] };
        const before = baseline.get(item.issueId) ?? 0;
        entry.counts.push({
          windowMinutes: minutes,
          count: item.events,
          baselinePerWindow: before / (BASELINE_MS / windowMs),
        });
        windows.set(item.issueId, entry);
      }
    }
    for (const [issueId, entry] of windows) {
      const subject = await loadIssueSubject(storage, context.baseUrl(), issueId, entry.lastEventId || null);
      if (subject === null) continue;
      const trigger = {
        type: 'event_counts' as const,
        windows: entry.counts,
        issue: subject.summary,
        tags: subject.tags,
        dashboardUrl: context.baseUrl(),
      };
      await dispatcher.deliverMatches(
        evaluateAlertRules(rules, trigger, now),
        project.organizationId,
        `tick:${slot.toISOString()}:spike`,
      );
    }
  }
}
