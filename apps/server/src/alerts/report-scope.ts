import { resolveRuleChannels } from '@fixloop/core';
import type { AlertChannel, AlertRuleRecord, Project, Storage } from '@fixloop/core';

export interface ReportScope {
  rule: AlertRuleRecord;
  projects: Project[];
  channels: AlertChannel[];
}

/**
 * What a scheduled rule reports on and where it goes: its project, or its organization's projects (narrowed
 * by `filters.projectIds`), and its enabled channels. Null when the rule is gone, off or has no channel.
 */
export async function reportScope(storage: Storage, ruleId: number, now: Date): Promise<ReportScope | null> {
  const rule = await storage.alerts.getRule(ruleId);
  if (rule === null || !rule.enabled || (rule.snoozedUntil !== null && rule.snoozedUntil > now)) return null;
  const channels = resolveRuleChannels(
    rule.channels,
    await storage.alerts.listChannels({ organizationId: rule.organizationId, enabledOnly: true }),
    rule.organizationId,
  );
  if (channels.length === 0) return null;
  const all = await storage.projects.listProjects(rule.organizationId);
  const wanted = rule.projectId !== null ? [rule.projectId] : rule.filters.projectIds;
  const projects = wanted && wanted.length > 0 ? all.filter((p) => wanted.includes(p.id)) : all;
  return projects.length === 0 ? null : { rule, projects, channels };
}
