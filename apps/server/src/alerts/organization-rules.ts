import { toAlertRule } from '@fixloop/core';
import type { AlertRule, AlertRuleTrigger, Project, Storage } from '@fixloop/core';

export interface RulesOfProject {
  project: Project;
  rules: AlertRule[];
}

/**
 * The projects whose rules (own or organization-wide) have a trigger of this type, with those rules. Read
 * once per tick for all organizations; default rules are seeded elsewhere (boot, new issues, the API).
 */
export async function projectsWithTrigger(
  storage: Storage,
  type: AlertRuleTrigger['type'],
): Promise<RulesOfProject[]> {
  const out: RulesOfProject[] = [];
  for (const organization of await storage.projects.listOrganizations()) {
    const records = (await storage.alerts.listRules({ organizationId: organization.id })).filter(
      (r) => r.enabled && r.triggers.some((t) => t.type === type),
    );
    if (records.length === 0) continue;
    for (const project of await storage.projects.listProjects(organization.id)) {
      const rules = records
        .filter((r) => r.projectId === null || r.projectId === project.id)
        .map(toAlertRule);
      if (rules.length > 0) out.push({ project, rules });
    }
  }
  return out;
}
