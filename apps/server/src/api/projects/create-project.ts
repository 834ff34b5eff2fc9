import { randomBytes } from 'node:crypto';
import { DEFAULT_PROJECT_SETTINGS, slugify } from '@fixloop/core';
import type { Organization, Project, Team } from '@fixloop/core';
import { z } from 'zod';
import { fieldError } from '../accounts/field-error.ts';
import type { ApiServices } from '../api-route.ts';
import { slugSchema } from '../organizations/slug-schema.ts';
import type { Principal } from '../principal.ts';

export const createProjectBody = z.object({
  name: z.string().trim().min(1).max(100),
  slug: slugSchema.optional(),
  platform: z.string().trim().min(1).max(64).nullable().optional(),
  /** Only on `/organizations/{org}/projects/`: the owning team's slug. */
  team: z.string().min(1).optional(),
});

/**
 * Creates a project with default settings and one DSN key (like Sentry), owned by `team` when given,
 * and audits it. The slug defaults to one derived from the name.
 */
export async function createProject(
  services: ApiServices,
  principal: Principal,
  input: { organization: Organization; team: Team | null; body: z.infer<typeof createProjectBody> },
): Promise<Project> {
  const { organization, team, body } = input;
  const slug = body.slug ?? slugify(body.name);
  if (slug === null) throw fieldError('slug', 'cannot be derived from the name; give one');
  const project = await services.storage.projects.createProject({
    organizationId: organization.id,
    slug,
    name: body.name,
    platform: body.platform ?? null,
    settings: DEFAULT_PROJECT_SETTINGS,
  });
  await services.storage.projects.createKey({
    projectId: project.id,
    publicKey: randomBytes(16).toString('hex'),
    label: 'Default',
  });
  if (team !== null) await services.storage.teams.addProjectTeam(team.id, project.id);
  await services.audit.record(principal, {
    organizationId: organization.id,
    action: 'project.create',
    target: `project:${project.id}`,
    after: { slug: project.slug, name: project.name, platform: project.platform, team: team?.slug ?? null },
  });
  return project;
}
