import { AppError } from '@fixloop/core';
import type { Project } from '@fixloop/core';
import type { OrganizationAccess } from '../api-access.ts';
import type { ApiServices } from '../api-route.ts';
import type { Principal } from '../principal.ts';

/**
 * Uploads and release changes need `project:releases` (what sentry-cli tokens carry) or
 * `project:write`; either one is enough, as in Sentry.
 */
export async function releaseWriteAccess(
  services: ApiServices,
  principal: Principal,
  orgSlug: string,
): Promise<OrganizationAccess> {
  try {
    return await services.access.organization(principal, orgSlug, 'project:releases');
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'forbidden') throw error;
    return services.access.organization(principal, orgSlug, 'project:write');
  }
}

/** Project slugs or ids (sentry-cli sends either) of one organization; null when one is unknown. */
export async function projectsByRef(
  services: ApiServices,
  organizationId: number,
  refs: readonly (string | number)[],
): Promise<Project[] | null> {
  const all = await services.storage.projects.listProjects(organizationId);
  const found: Project[] = [];
  for (const ref of refs) {
    const project = all.find((p) => p.slug === String(ref) || String(p.id) === String(ref));
    if (project === undefined) return null;
    if (!found.includes(project)) found.push(project);
  }
  return found;
}
