import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { OrganizationBootstrap, ProjectBootstrap } from '@fixloop/config';
import { AppError, DEFAULT_PROJECT_SETTINGS } from '@fixloop/core';
import type { Organization, Project, ProjectStore } from '@fixloop/core';

export interface ProjectDsnKey {
  organization: Organization;
  project: Project;
  publicKey: string;
}

/**
 * Makes the database hold what the config file declares (idempotent): missing organizations,
 * projects and pinned keys are created; settings, names and platforms follow the file. With no
 * organization at all, a `default` organization and project with a random key are created.
 */
export async function bootstrapProjects(
  projects: ProjectStore,
  organizations: OrganizationBootstrap[],
): Promise<void> {
  for (const org of organizations) {
    const organization =
      (await projects.getOrganizationBySlug(org.slug)) ??
      (await projects.createOrganization({ slug: org.slug, name: org.name }));
    for (const declared of org.projects) await ensureProject(projects, organization, declared);
  }
  if ((await projects.listOrganizations()).length === 0) {
    const organization = await projects.createOrganization({ slug: 'default', name: 'Default' });
    const project = await projects.createProject({
      organizationId: organization.id,
      slug: 'default',
      name: 'Default',
      platform: null,
      settings: DEFAULT_PROJECT_SETTINGS,
    });
    await projects.createKey({
      projectId: project.id,
      publicKey: randomBytes(16).toString('hex'),
      label: 'Default',
    });
  }
}

async function ensureProject(
  store: ProjectStore,
  organization: Organization,
  declared: ProjectBootstrap,
): Promise<void> {
  let project = await store.getProjectBySlug(organization.id, declared.slug);
  if (project === null) {
    project = await store.createProject({
      organizationId: organization.id,
      slug: declared.slug,
      name: declared.name,
      platform: declared.platform,
      settings: declared.settings,
    });
  } else if (
    project.name !== declared.name ||
    project.platform !== declared.platform ||
    !isDeepStrictEqual(project.settings, declared.settings)
  ) {
    await store.updateProject(project.id, {
      name: declared.name,
      platform: declared.platform,
      settings: declared.settings,
    });
  }
  const existing = new Set((await store.listKeys(project.id)).map((key) => key.publicKey));
  for (const publicKey of declared.keys) {
    if (existing.has(publicKey)) continue;
    const owner = await store.findKey(publicKey);
    if (owner !== null) {
      throw new AppError(
        'config_invalid',
        `key ${publicKey} of project ${declared.slug} already belongs to project ${owner.project.slug}`,
      );
    }
    await store.createKey({ projectId: project.id, publicKey, label: 'Config file' });
  }
  if (existing.size === 0 && declared.keys.length === 0) {
    await store.createKey({
      projectId: project.id,
      publicKey: randomBytes(16).toString('hex'),
      label: 'Default',
    });
  }
}

/** Every project with its first active key, for the DSNs printed at boot. */
export async function listProjectDsnKeys(projects: ProjectStore): Promise<ProjectDsnKey[]> {
  const result: ProjectDsnKey[] = [];
  for (const organization of await projects.listOrganizations()) {
    for (const project of await projects.listProjects(organization.id)) {
      const key = (await projects.listKeys(project.id)).find((k) => k.isActive);
      if (key) result.push({ organization, project, publicKey: key.publicKey });
    }
  }
  return result;
}
