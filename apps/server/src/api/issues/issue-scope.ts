import type { ApiScope } from '@fixloop/core';
import type { ApiServices } from '../api-route.ts';
import type { Principal } from '../principal.ts';
import { badParam } from '../stats/stats-period.ts';
import type { IssueSearchScope } from './run-issue-search.ts';

/** An organization's issues: all its projects, or those `project=<id>` names (`-1` means all). */
export async function organizationIssueScope(
  services: ApiServices,
  principal: Principal,
  orgSlug: string,
  projectIds: string[] | undefined,
  scope: ApiScope,
): Promise<IssueSearchScope> {
  const { organization } = await services.access.organization(principal, orgSlug, scope);
  const all = await services.storage.projects.listProjects(organization.id);
  const wanted = (projectIds ?? []).filter((id) => id !== '' && id !== '-1');
  if (wanted.length === 0) return { organization, projects: all, windowed: true };
  const projects = all.filter((p) => wanted.includes(String(p.id)));
  if (projects.length !== new Set(wanted).size) {
    throw badParam('project', 'every project must be the id of a project of this organization');
  }
  return { organization, projects, windowed: true };
}

/** One project's issues (Sentry's project issue list has no default time window). */
export async function projectIssueScope(
  services: ApiServices,
  principal: Principal,
  orgSlug: string,
  projectSlug: string,
  scope: ApiScope,
): Promise<IssueSearchScope> {
  const { organization, project } = await services.access.project(principal, orgSlug, projectSlug, scope);
  return { organization, projects: [project], windowed: false };
}
