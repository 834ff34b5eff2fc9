import { AppError } from '@fixloop/core';
import { z } from 'zod';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { effectiveScopes } from '../principal.ts';
import type { Principal } from '../principal.ts';
import { memberAccess } from './member-access.ts';
import { serializeTeam } from './serialize-team.ts';
import { TeamDirectory } from './team-directory.ts';

const params = z.object({
  org: z.string().min(1),
  memberId: z.string().regex(/^(\d+|me)$/, 'must be a member id or "me"'),
  team: z.string().min(1),
});

/**
 * `/api/0/organizations/{org}/members/{memberId}/teams/{team}/`: members join and leave teams
 * themselves (open membership, as in Sentry); putting someone else on a team needs member:admin.
 */
export function teamMembershipRoutes(services: ApiServices): AnyRouteSpec[] {
  const { storage } = services;
  const resolve = async (principal: Principal, p: z.infer<typeof params>) => {
    const { member, organization } = await memberAccess(services, principal, p.org, p.memberId);
    const team = await storage.teams.getTeamBySlug(organization.id, p.team);
    if (team === null) throw new AppError('not_found', 'The requested team does not exist.');
    const isSelf = principal.user?.id === member.userId;
    if (!isSelf && !effectiveScopes(principal, organization.id).has('member:admin')) {
      throw new AppError(
        'forbidden',
        "You do not have permission to change others' teams (needs member:admin).",
      );
    }
    return { member, organization, team };
  };
  return [
    defineRoute({
      method: 'POST',
      path: '/api/0/organizations/:org/members/:memberId/teams/:team/',
      summary: 'Add a member to a team (201; 204 when already on it)',
      tags: ['members', 'teams'],
      scope: 'member:admin',
      status: 201,
      params,
      handler: async ({ principal, params: p, reply }) => {
        const { member, organization, team } = await resolve(principal, p);
        if (!(await storage.teams.addTeamMember(team.id, member.userId))) return reply.code(204).send();
        await services.audit.record(principal, {
          organizationId: organization.id,
          action: 'team_member.add',
          target: `team:${team.id}`,
          after: { team: team.slug, member: member.user.email },
        });
        return serializeTeam(
          team,
          await TeamDirectory.load(storage, organization.id),
          principal.user?.id ?? null,
        );
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/0/organizations/:org/members/:memberId/teams/:team/',
      summary: 'Remove a member from a team',
      tags: ['members', 'teams'],
      scope: 'member:admin',
      params,
      handler: async ({ principal, params: p }) => {
        const { member, organization, team } = await resolve(principal, p);
        if (!(await storage.teams.removeTeamMember(team.id, member.userId))) {
          throw new AppError('not_found', 'The member is not on this team.');
        }
        await services.audit.record(principal, {
          organizationId: organization.id,
          action: 'team_member.remove',
          target: `team:${team.id}`,
          before: { team: team.slug, member: member.user.email },
        });
        return serializeTeam(
          team,
          await TeamDirectory.load(storage, organization.id),
          principal.user?.id ?? null,
        );
      },
    }),
  ];
}
