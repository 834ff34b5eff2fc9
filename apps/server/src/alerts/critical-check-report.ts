import { matchesAlertFilters, toAlertRule } from '@fixloop/core';
import type { AlertRuleMatch } from '@fixloop/core';
import type { AlertingContext } from './alerting-context.ts';
import type { AlertDispatcher } from './alert-dispatcher.ts';
import { loadIssueSubject } from './issue-alert-subject.ts';
import { reportScope } from './report-scope.ts';

/**
 * The recurring critical check (the seeds' 10-minute Telegram check): every issue with a fatal event or of
 * blocking severity in the window before the slot becomes a `critical_event` alert of the rule, through
 * the throttle, so an issue is reported once per rule window and a flood becomes a digest.
 */
export async function runCriticalCheck(
  context: AlertingContext,
  dispatcher: AlertDispatcher,
  ruleId: number,
  slot: Date,
  windowMs: number,
): Promise<void> {
  const now = context.clock.now();
  const scope = await reportScope(context.storage, ruleId, now);
  if (scope === null) return;
  const rule = toAlertRule(scope.rule);
  const activity = await context.storage.alerts.criticalActivity(
    scope.projects.map((p) => p.id),
    new Date(slot.getTime() - windowMs),
    slot,
  );
  const matches: AlertRuleMatch[] = [];
  for (const item of activity) {
    const subject = await loadIssueSubject(
      context.storage,
      context.baseUrl(),
      item.issueId,
      item.lastEventId || null,
    );
    if (subject === null || !matchesAlertFilters(rule.filters, subject.summary, subject.tags)) continue;
    matches.push({
      rule,
      dedupKey: `${rule.id}:${item.issueId}`,
      message: {
        kind: 'critical_event',
        ruleId: rule.id,
        ruleName: rule.name,
        issue: subject.summary,
        pipeline: null,
        spike: null,
        digest: null,
        dashboardUrl: context.baseUrl(),
        createdAt: now,
      },
    });
  }
  await dispatcher.deliverMatches(
    matches,
    scope.rule.organizationId,
    `report:${ruleId}:${slot.toISOString()}`,
  );
}
