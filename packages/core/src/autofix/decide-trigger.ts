import { effectiveSeverity, type Issue } from '../issues/issue.ts';
import { triggerRuleFor, type TriggerRule } from './trigger-rule.ts';

export interface TriggerDecision {
  investigate: boolean;
  attemptFix: boolean;
  rule: TriggerRule;
  /** Shown in the attempt log and the dashboard: why this decision. */
  reason: string;
}

/** Event counts of the issue keyed by window length in minutes (see `triggerWindows`). */
export type RecentEventCounts = Readonly<Record<number, number>>;

/**
 * Decides what a new event on `issue` sets off under the project's trigger rules. Ignored and resolved
 * issues are only recorded: an attempt on them would fix what someone decided not to fix (or already did).
 */
export function decideTrigger(
  issue: Pick<Issue, 'severity' | 'severityOverride' | 'status' | 'timesSeen'>,
  recentCounts: RecentEventCounts,
  rules: readonly TriggerRule[],
): TriggerDecision {
  const severity = effectiveSeverity(issue);
  const rule = triggerRuleFor(severity, rules);
  if (issue.status !== 'unresolved') {
    return { investigate: false, attemptFix: false, rule, reason: `issue is ${issue.status}` };
  }
  if (rule.action === 'record') {
    return { investigate: false, attemptFix: false, rule, reason: `${severity}: record only` };
  }
  if (rule.action === 'investigate') {
    return { investigate: true, attemptFix: false, rule, reason: `${severity}: investigate only` };
  }
  const minEvents = Math.max(1, rule.minEvents ?? 1);
  if (minEvents === 1) {
    return { investigate: true, attemptFix: true, rule, reason: `${severity}: attempt on first occurrence` };
  }
  const window = rule.windowMinutes ?? 60;
  const seen = recentCounts[window] ?? 0;
  const reached = seen >= minEvents;
  const reason = `${severity}: ${seen}/${minEvents} events within ${window} min`;
  return { investigate: true, attemptFix: reached, rule, reason };
}
