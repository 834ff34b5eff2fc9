import type { AlertKind, AlertMessage, AlertSpikeDetails } from './alert-message.ts';
import type { AlertRule, AlertRuleTrigger } from './alert-rule.ts';
import type { AlertTrigger } from './alert-trigger.ts';
import { matchesAlertFilters } from './matches-alert-filters.ts';

export interface AlertRuleMatch {
  rule: AlertRule;
  message: AlertMessage;
  /** One alert per issue per rule per throttle window is keyed on this. */
  dedupKey: string;
}

interface Fired {
  kind: AlertKind;
  spike: AlertSpikeDetails | null;
}

function spikeFired(ruleTrigger: AlertRuleTrigger & { type: 'spike' }, trigger: AlertTrigger): Fired | null {
  if (trigger.type !== 'event_counts') return null;
  const window = trigger.windows.find((w) => w.windowMinutes === ruleTrigger.windowMinutes);
  if (!window || window.count < ruleTrigger.minEvents) return null;
  // A zero baseline means the issue was silent before: any burst over minEvents is a spike.
  if (window.baselinePerWindow > 0 && window.count < ruleTrigger.ratio * window.baselinePerWindow)
    return null;
  return { kind: 'spike', spike: { ...window } };
}

function fires(ruleTrigger: AlertRuleTrigger, trigger: AlertTrigger): Fired | null {
  const plain = (kind: AlertKind): Fired => ({ kind, spike: null });
  switch (ruleTrigger.type) {
    case 'new_issue':
      return trigger.type === 'issue_created' ? plain('new_issue') : null;
    case 'regression':
      return trigger.type === 'issue_regressed' ? plain('regression') : null;
    case 'spike':
      return spikeFired(ruleTrigger, trigger);
    case 'critical_event': {
      const critical = trigger.issue.level === 'fatal' || trigger.issue.severity === 'blocking';
      return trigger.type === 'event_received' && critical ? plain('critical_event') : null;
    }
    case 'user_report':
      return trigger.type === 'user_report' ? plain('user_report') : null;
    case 'resolved':
      return trigger.type === 'issue_resolved' ? plain('resolved') : null;
    case 'pipeline':
      return trigger.type === 'pipeline' && ruleTrigger.events.includes(trigger.kind)
        ? plain(trigger.kind)
        : null;
    case 'schedule':
      return null;
  }
}

const PROBLEM_KINDS: ReadonlySet<AlertKind> = new Set([
  'new_issue',
  'regression',
  'spike',
  'critical_event',
  'user_report',
]);

/**
 * Problem alerts about one issue share a key, so a burst of them yields one alert per window. State changes
 * (resolved, pipeline steps) are keyed by kind: a resolve must not be swallowed by the alert that preceded it.
 */
function dedupKeyFor(ruleId: string, issueId: number, kind: AlertKind): string {
  return PROBLEM_KINDS.has(kind) ? `${ruleId}:${issueId}` : `${ruleId}:${issueId}:${kind}`;
}

/**
 * The rules a trigger fires, each with the message to send. Pure: throttling, dedup and delivery are
 * separate steps (AlertThrottle, then the notifiers), so this can run inside any job.
 */
export function evaluateAlertRules(
  rules: readonly AlertRule[],
  trigger: AlertTrigger,
  now: Date,
): AlertRuleMatch[] {
  const matches: AlertRuleMatch[] = [];
  for (const rule of rules) {
    if (!rule.enabled || (rule.snoozedUntil && rule.snoozedUntil > now)) continue;
    if (!matchesAlertFilters(rule.filters, trigger.issue, trigger.tags)) continue;
    const fired = rule.triggers.map((t) => fires(t, trigger)).find((f) => f !== null);
    if (!fired) continue;
    matches.push({
      rule,
      dedupKey: dedupKeyFor(rule.id, trigger.issue.id, fired.kind),
      message: {
        kind: fired.kind,
        ruleId: rule.id,
        ruleName: rule.name,
        issue: trigger.issue,
        pipeline: trigger.type === 'pipeline' ? trigger.pipeline : null,
        spike: fired.spike,
        digest: null,
        dashboardUrl: trigger.dashboardUrl,
        createdAt: now,
      },
    });
  }
  return matches;
}

/** The spike windows (minutes) the enabled rules look at, so the caller counts only those. */
export function spikeWindows(rules: readonly AlertRule[]): number[] {
  const minutes = new Set<number>();
  for (const rule of rules) {
    if (!rule.enabled) continue;
    for (const t of rule.triggers) if (t.type === 'spike') minutes.add(t.windowMinutes);
  }
  return [...minutes].sort((a, b) => a - b);
}
