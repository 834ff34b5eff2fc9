import type { Severity, TriggerRuleJson } from '../api/types.ts';

/** The seed defaults (core's DEFAULT_TRIGGER_RULES): what applies to a severity without its own rule. */
export const DEFAULT_TRIGGER_RULES: Record<Severity, TriggerRuleJson> = {
  blocking: { severity: 'blocking', action: 'attempt_fix', minEvents: 1 },
  annoying: { severity: 'annoying', action: 'attempt_fix', minEvents: 10, windowMinutes: 60 },
  warning: { severity: 'warning', action: 'investigate' },
  info: { severity: 'info', action: 'record' },
};

const ORDER: Severity[] = ['blocking', 'annoying', 'warning', 'info'];

/** One rule per severity, in severity order: the project's own where it has one, else the default. */
export function effectiveTriggerRules(rules: TriggerRuleJson[] | undefined): TriggerRuleJson[] {
  return ORDER.map(
    (severity) => rules?.find((rule) => rule.severity === severity) ?? DEFAULT_TRIGGER_RULES[severity],
  );
}
