import { defaultAlertRules, toAlertRule } from '@fixloop/core';
import type { AlertRule, AlertRuleRecord, Project, Storage } from '@fixloop/core';

/**
 * Seeds the default rules of a project once (a marker in the shared state remembers it, so a default
 * that was deleted stays deleted). Projects whose config file says `alerts.defaults: false` never get them.
 */
export async function ensureDefaultRules(storage: Storage, project: Project, at: Date): Promise<void> {
  const marker = `defaults:project:${project.id}`;
  if ((await storage.alerts.readState(marker)) !== null) return;
  for (const rule of defaultAlertRules(project.id)) {
    const { id, ...spec } = rule;
    await storage.alerts.insertRuleIfAbsent({
      ...spec,
      key: `default:${id}`,
      organizationId: project.organizationId,
      projectId: project.id,
      source: 'default',
      filters: { ...spec.filters, projectIds: [project.id] },
      at,
    });
  }
  await storage.alerts.writeState(marker, { seededAt: at }, null);
}

/** Marks a project as never getting default rules (config file `defaults: false`). */
export async function skipDefaultRules(storage: Storage, project: Project, at: Date): Promise<void> {
  await storage.alerts.writeState(`defaults:project:${project.id}`, { skippedAt: at }, null);
}

export interface ProjectRules {
  rules: AlertRule[];
  records: Map<string, AlertRuleRecord>;
}

/** The project's own rules and its organization's, as the evaluator wants them. */
export async function rulesForProject(storage: Storage, project: Project, at: Date): Promise<ProjectRules> {
  await ensureDefaultRules(storage, project, at);
  const records = await storage.alerts.listRules({
    organizationId: project.organizationId,
    projectId: project.id,
    withOrganizationRules: true,
  });
  return {
    rules: records.map(toAlertRule),
    records: new Map(records.map((r) => [String(r.id), r])),
  };
}
