import { AppError, slugify } from '@fixloop/core';
import type { Team } from '@fixloop/core';
import { z } from 'zod';
import { fieldError } from '../accounts/field-error.ts';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import type { OrganizationAccess } from '../api-access.ts';
import type { Principal } from '../principal.ts';
import { serializeTeam } from './serialize-team.ts';
import { slugSchema } from './slug-schema.ts';
import { TeamDirectory } from './team-directory.ts';

const orgParams = z.object({ org: z.string().min(1) });
const teamParams = z.object({ org: z.string().min(1), team: z.string().min(1) });

/** Looks a team up inside an organization the principal may see; other tenants' teams are 404. */
export async function teamAccess(
  services: ApiServices,
  principal: Principal,
  orgSlug: string,
  teamSlug: string,
  scope: 'org:read' | 'org:write' | 'project:write' | 'member:read',
): Promise<OrganizationAccess & { team: Team }> {
  const access = await services.access.organization(principal, orgSlug, scope);
  const team = await services.storage.teams.getTeamBySlug(access.organization.id, teamSlug);
  if (team === null) throw new AppError('not_found', 'The requested team does not exist.');
  return { ...access, team };
}

/** `/api/0/organizations/{org}/teams/` and `/api/0/teams/{org}/{team}/`. */
export function teamRoutes(services: ApiServices): AnyRouteSpec[] {
  const { storage } = services;
  return [
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/teams/',
      summary: 'Teams of an organization',
      tags: ['teams'],
      scope: 'org:read',
      params: orgParams,
      handler: async ({ principal, params }) => {
        const { organization } = await services.access.organization(principal, params.org, 'org:read');
        const directory = await TeamDirectory.load(storage, organization.id);
        return directory.teams.map((team) => serializeTeam(team, directory, principal.user?.id ?? null));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/organizations/:org/teams/',
      summary: 'Create a team; the creator joins it',
      tags: ['teams'],
      scope: 'org:write',
      status: 201,
      params: orgParams,
      body: z
        .object({ name: z.string().trim().min(1).max(100).optional(), slug: slugSchema.optional() })
        .refine((b) => b.name !== undefined || b.slug !== undefined, {
          message: 'give a name or a slug',
          path: ['name'],
        }),
      handler: async ({ principal, params, body }) => {
        const { organization } = await services.access.organization(principal, params.org, 'org:write');
        const slug = body.slug ?? slugify(body.name ?? '');
        if (slug === null) throw fieldError('slug', 'cannot be derived from the name; give one');
        const team = await storage.teams.createTeam({
          organizationId: organization.id,
          slug,
          name: body.name ?? slug,
        });
        const creator = principal.user;
        if (creator !== null && (await storage.accounts.getMembership(organization.id, creator.id))) {
          await storage.teams.addTeamMember(team.id, creator.id);
        }
        await services.audit.record(principal, {
          organizationId: organization.id,
          action: 'team.create',
          target: `team:${team.id}`,
          after: { slug: team.slug, name: team.name },
        });
        const directory = await TeamDirectory.load(storage, organization.id);
        return serializeTeam(team, directory, creator?.id ?? null);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/0/teams/:org/:team/',
      summary: 'One team with its projects',
      tags: ['teams'],
      scope: 'org:read',
      params: teamParams,
      handler: async ({ principal, params }) => {
        const { organization, team } = await teamAccess(
          services,
          principal,
          params.org,
          params.team,
          'org:read',
        );
        const directory = await TeamDirectory.load(storage, organization.id);
        return serializeTeam(team, directory, principal.user?.id ?? null);
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/0/teams/:org/:team/',
      summary: 'Delete a team (its projects stay in the organization)',
      tags: ['teams'],
      scope: 'org:write',
      params: teamParams,
      handler: async ({ principal, params }) => {
        const { organization, team } = await teamAccess(
          services,
          principal,
          params.org,
          params.team,
          'org:write',
        );
        await storage.teams.deleteTeam(team.id);
        await services.audit.record(principal, {
          organizationId: organization.id,
          action: 'team.remove',
          target: `team:${team.id}`,
          before: { slug: team.slug, name: team.name },
        });
        return undefined;
      },
    }),
  ];
}
