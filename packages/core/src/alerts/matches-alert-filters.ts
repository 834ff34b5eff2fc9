import type { AlertIssueSummary } from './alert-message.ts';
import type { AlertRuleFilters } from './alert-rule.ts';

const within = <T>(list: readonly T[] | undefined, value: T): boolean =>
  !list || list.length === 0 || list.includes(value);

function releaseMatches(patterns: readonly string[] | undefined, release: string | null): boolean {
  if (!patterns || patterns.length === 0) return true;
  if (release === null) return false;
  return patterns.some((pattern) =>
    pattern.endsWith('*') ? release.startsWith(pattern.slice(0, -1)) : pattern === release,
  );
}

/** True when the issue (as of its triggering event) passes every filter of a rule. */
export function matchesAlertFilters(
  filters: AlertRuleFilters,
  issue: AlertIssueSummary,
  tags: Readonly<Record<string, string>>,
): boolean {
  return (
    within(filters.projectIds, issue.project.id) &&
    (!filters.environments?.length ||
      (issue.environment !== null && filters.environments.includes(issue.environment))) &&
    within(filters.levels, issue.level) &&
    within(filters.severities, issue.severity) &&
    within(filters.errorClasses, issue.errorClass) &&
    releaseMatches(filters.releases, issue.release) &&
    Object.entries(filters.tags ?? {}).every(([key, value]) => tags[key] === value)
  );
}
