import type { AlertRuleRecord } from '@fixloop/core';

/** A rule as the API shows it: Sentry-ish ids as strings, ISO dates. */
export function serializeAlertRule(
  rule: AlertRuleRecord,
  projectSlug: string | null,
): Record<string, unknown> {
  return {
    id: String(rule.id),
    name: rule.name,
    enabled: rule.enabled,
    source: rule.source,
    key: rule.key,
    project: projectSlug,
    triggers: rule.triggers,
    filters: rule.filters,
    channels: rule.channels,
    throttle: rule.throttle,
    snoozedUntil: rule.snoozedUntil?.toISOString() ?? null,
    dateCreated: rule.createdAt.toISOString(),
    dateUpdated: rule.updatedAt.toISOString(),
  };
}
