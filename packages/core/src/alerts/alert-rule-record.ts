import type { AlertRule } from './alert-rule.ts';
import type { AlertConfigSource } from './alert-channel.ts';

/** A stored rule: an organization-wide rule when `projectId` is null, else one project's. */
export interface AlertRuleRecord extends Omit<AlertRule, 'id'> {
  id: number;
  organizationId: number;
  projectId: number | null;
  /** Stable key of seeded defaults and config-file rules (unique per organization); null for API rules. */
  key: string | null;
  source: AlertConfigSource;
  createdAt: Date;
  updatedAt: Date;
}

export type NewAlertRuleRecord = Omit<AlertRuleRecord, 'id' | 'createdAt' | 'updatedAt'> & { at: Date };

export type AlertRulePatch = Partial<
  Pick<
    AlertRuleRecord,
    'name' | 'enabled' | 'triggers' | 'filters' | 'channels' | 'throttle' | 'snoozedUntil' | 'projectId'
  >
> & { at: Date };

/**
 * The rule as the evaluator sees it. A project rule only ever matches its own project, whatever its
 * filters say, so a project's members cannot widen a rule to other projects.
 */
export function toAlertRule(record: AlertRuleRecord): AlertRule {
  const filters =
    record.projectId === null ? record.filters : { ...record.filters, projectIds: [record.projectId] };
  return {
    id: String(record.id),
    name: record.name,
    enabled: record.enabled,
    triggers: record.triggers,
    filters,
    channels: record.channels,
    throttle: record.throttle,
    snoozedUntil: record.snoozedUntil,
  };
}
