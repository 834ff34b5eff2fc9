import { AppError, mergeProjectSettings, redactProjectSettings } from '@fixloop/core';
import type { Project } from '@fixloop/core';
import { z } from 'zod';
import type { AccountApiOptions } from '../accounts/account-api-options.ts';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { cursorOffset, cursorQuery, linkHeader } from '../cursor-pagination.ts';
import { slugSchema } from '../organizations/slug-schema.ts';
import { TeamDirectory } from '../organizations/team-directory.ts';
import { teamAccess } from '../organizations/team-routes.ts';
import { createProject, createProjectBody } from './create-project.ts';
import { projectSettingsPatchSchema } from './project-settings-schema.ts';
import { serializeProject } from './serialize-project.ts';

const orgParams = z.object({ org: z.string().min(1) });
const projectParams = z.object({ org: z.string().min(1), project: z.string().min(1) });
const updateBody = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  slug: slugSchema.optional(),
  platform: z.string().trim().min(1).max(64).nullable().optional(),
  settings: projectSettingsPatchSchema.optional(),
});

/** Project list, create (Sentry's team path and the organization path), details, update, delete. */
export function projectRoutes(services: ApiServices, options: AccountApiOptions): AnyRouteSpec[] {
  const { storage } = services;
  const callerId = (principal: { user: { id: number } | null }) => principal.user?.id ?? null;
  return [
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/projects/',
      summary: 'Projects of an organization',
      tags: ['projects'],
      scope: 'org:read',
      params: orgParams,
      query: z.object(cursorQuery),
      handler: async ({ principal, params, query, request, reply }) => {
        const { organization } = await services.access.organization(principal, params.org, 'org:read');
        const directory = await TeamDirectory.load(storage, organization.id);
        const projects = await storage.projects.listProjects(organization.id);
        const offset = cursorOffset(query.cursor);
        const hasMore = offset + query.limit < projects.length;
        reply.header(
          'link',
          linkHeader(new URL(request.url, services.baseUrl()), { offset, limit: query.limit, hasMore }),
        );
        return projects
          .slice(offset, offset + query.limit)
          .map((p) => serializeProject(p, organization, directory, callerId(principal)));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/organizations/:org/projects/',
      summary: 'Create a project (optionally owned by `team`); it gets a DSN key',
      tags: ['projects'],
      scope: 'project:write',
      status: 201,
      params: orgParams,
      body: createProjectBody,
      handler: async ({ principal, params, body }) => {
        const { organization } = await services.access.organization(principal, params.org, 'project:write');
        const team =
          body.team === undefined ? null : await storage.teams.getTeamBySlug(organization.id, body.team);
        if (team === null && body.team !== undefined) {
          throw new AppError('bad_request', `Invalid body field "team": no team "${body.team}"`, {
            fields: { team: [`no team "${body.team}"`] },
          });
        }
        const project = await createProject(services, principal, { organization, team, body });
        const directory = await TeamDirectory.load(storage, organization.id);
        return serializeProject(project, organization, directory, callerId(principal));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/teams/:org/:team/projects/',
      summary: 'Create a project owned by a team (Sentry’s path); it gets a DSN key',
      tags: ['projects', 'teams'],
      scope: 'project:write',
      status: 201,
      params: z.object({ org: z.string().min(1), team: z.string().min(1) }),
      body: createProjectBody.omit({ team: true }),
      handler: async ({ principal, params, body }) => {
        const { organization, team } = await teamAccess(
          services,
          principal,
          params.org,
          params.team,
          'project:write',
        );
        const project = await createProject(services, principal, { organization, team, body });
        const directory = await TeamDirectory.load(storage, organization.id);
        return serializeProject(project, organization, directory, callerId(principal));
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/projects/:org/:project/',
      summary: 'One project with its settings',
      tags: ['projects'],
      scope: 'project:read',
      params: projectParams,
      handler: async ({ principal, params }) => {
        const { organization, project } = await services.access.project(
          principal,
          params.org,
          params.project,
          'project:read',
        );
        const directory = await TeamDirectory.load(storage, organization.id);
        return serializeProject(project, organization, directory, callerId(principal));
      },
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/0/projects/:org/:project/',
      summary: 'Update name, slug, platform and settings (repository needs project:admin)',
      tags: ['projects'],
      scope: 'project:write',
      params: projectParams,
      body: updateBody,
      handler: async ({ principal, params, body }) => {
        const { organization, project } = await services.access.project(
          principal,
          params.org,
          params.project,
          'project:write',
        );
        // The repository carries commands the fix verifier runs: admins and owners only.
        if (body.settings?.repository !== undefined) {
          services.access.check(principal, organization.id, 'project:admin', 'project');
        }
        const updated = await storage.projects.updateProject(project.id, {
          ...(body.name === undefined ? {} : { name: body.name }),
          ...(body.slug === undefined ? {} : { slug: body.slug }),
          ...(body.platform === undefined ? {} : { platform: body.platform }),
          ...(body.settings === undefined
            ? {}
            : { settings: mergeProjectSettings(project.settings, body.settings) }),
        });
        if (updated === null) throw new AppError('not_found', 'The requested project does not exist.');
        options.invalidateIngestCache();
        await services.audit.record(principal, {
          organizationId: organization.id,
          action: 'project.update',
          target: `project:${project.id}`,
          before: auditView(project),
          after: auditView(updated),
        });
        const directory = await TeamDirectory.load(storage, organization.id);
        return serializeProject(updated, organization, directory, callerId(principal));
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/0/projects/:org/:project/',
      summary: 'Delete a project with all its events and keys',
      tags: ['projects'],
      scope: 'project:admin',
      params: projectParams,
      handler: async ({ principal, params }) => {
        const { organization, project } = await services.access.project(
          principal,
          params.org,
          params.project,
          'project:admin',
        );
        await storage.projects.deleteProject(project.id);
        options.invalidateIngestCache();
        await services.audit.record(principal, {
          organizationId: organization.id,
          action: 'project.remove',
          target: `project:${project.id}`,
          before: auditView(project),
        });
        return undefined;
      },
    }),
  ];
}

function auditView(project: Project) {
  return {
    slug: project.slug,
    name: project.name,
    platform: project.platform,
    settings: redactProjectSettings(project.settings),
  };
}
