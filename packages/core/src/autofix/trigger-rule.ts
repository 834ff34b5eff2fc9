import type { Severity } from '../events/event-types.ts';

/** What a new event on an issue of a given severity sets off. */
export type TriggerAction = 'attempt_fix' | 'investigate' | 'record';

export interface TriggerRule {
  severity: Severity;
  action: TriggerAction;
  /**
   * For `attempt_fix`: how many events must have arrived within `windowMinutes` before an attempt starts
   * (1 means the first occurrence). Below the threshold the issue is investigated only.
   */
  minEvents?: number;
  windowMinutes?: number;
}

/** The seed defaults: blocking on first sight, annoying at ≥10 events an hour, warning and info never. */
export const DEFAULT_TRIGGER_RULES: readonly TriggerRule[] = [
  { severity: 'blocking', action: 'attempt_fix', minEvents: 1 },
  { severity: 'annoying', action: 'attempt_fix', minEvents: 10, windowMinutes: 60 },
  { severity: 'warning', action: 'investigate' },
  { severity: 'info', action: 'record' },
];

/** The rule for a severity: a project's own rule when it has one, else the default. */
export function triggerRuleFor(severity: Severity, rules: readonly TriggerRule[]): TriggerRule {
  const own = rules.find((rule) => rule.severity === severity);
  const seed = DEFAULT_TRIGGER_RULES.find((rule) => rule.severity === severity);
  return own ?? seed ?? { severity, action: 'record' };
}

/** The time windows (minutes) whose event counts `decideTrigger` needs, so callers count only those. */
export function triggerWindows(rules: readonly TriggerRule[]): number[] {
  const all = [...rules, ...DEFAULT_TRIGGER_RULES]
    .filter((rule) => rule.action === 'attempt_fix' && (rule.minEvents ?? 1) > 1)
    .map((rule) => rule.windowMinutes ?? 60);
  return [...new Set(all)].sort((a, b) => a - b);
}
