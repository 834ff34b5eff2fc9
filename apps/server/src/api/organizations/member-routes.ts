import { randomBytes } from 'node:crypto';
import { AppError, ORGANIZATION_ROLES } from '@fixloop/core';
import type { MemberChangeResult, Organization, Storage, Team, User } from '@fixloop/core';
import { z } from 'zod';
import { hashPassword } from '../../bootstrap/password-hash.ts';
import { fieldError } from '../accounts/field-error.ts';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { cursorOffset, cursorQuery, linkHeader } from '../cursor-pagination.ts';
import { assertMemberChange, memberAccess } from './member-access.ts';
import { serializeMember } from './serialize-member.ts';
import { TeamDirectory } from './team-directory.ts';

const orgParams = z.object({ org: z.string().min(1) });
const memberParams = z.object({
  org: z.string().min(1),
  memberId: z.string().regex(/^(\d+|me)$/, 'must be a member id or "me"'),
});
const role = z.enum(ORGANIZATION_ROLES);
const addBody = z.object({
  email: z.email().max(320),
  role: role.optional(),
  orgRole: role.optional(),
  teams: z.array(z.string().min(1)).max(100).default([]),
});
const updateBody = z
  .object({ role: role.optional(), orgRole: role.optional() })
  .refine((b) => b.role !== undefined || b.orgRole !== undefined, { message: 'required', path: ['role'] });

/** `/api/0/organizations/{org}/members/...`: list, add (creating the user if needed), re-role, remove. */
export function memberRoutes(services: ApiServices): AnyRouteSpec[] {
  const { storage } = services;
  return [
    defineRoute({
      method: 'GET',
      path: '/api/0/organizations/:org/members/',
      summary: 'Members of an organization',
      tags: ['members'],
      scope: 'member:read',
      params: orgParams,
      query: z.object(cursorQuery),
      handler: async ({ principal, params, query, request, reply }) => {
        const { organization } = await services.access.organization(principal, params.org, 'member:read');
        const members = await storage.accounts.listMembers(organization.id);
        const directory = await TeamDirectory.load(storage, organization.id);
        const offset = cursorOffset(query.cursor);
        const url = new URL(request.url, services.baseUrl());
        const hasMore = offset + query.limit < members.length;
        reply.header('link', linkHeader(url, { offset, limit: query.limit, hasMore }));
        return members.slice(offset, offset + query.limit).map((m) => serializeMember(m, directory));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/organizations/:org/members/',
      summary: 'Add a member by email; creates the user with a one-time password when needed',
      tags: ['members'],
      scope: 'member:admin',
      status: 201,
      params: orgParams,
      body: addBody,
      handler: async ({ principal, params, body }) => {
        const access = await services.access.organization(principal, params.org, 'member:read');
        const newRole = body.orgRole ?? body.role ?? 'member';
        assertMemberChange(principal, access, { kind: 'add', role: newRole }, null);
        const { organization } = access;
        const teams = await resolveTeams(storage, organization, body.teams);
        const { user, oneTimePassword } = await findOrCreateUser(storage, body.email);
        if ((await storage.accounts.getMembership(organization.id, user.id)) !== null) {
          throw new AppError('conflict', `${user.email} is already a member of this organization.`);
        }
        await storage.accounts.addMember({ organizationId: organization.id, userId: user.id, role: newRole });
        for (const team of teams) await storage.teams.addTeamMember(team.id, user.id);
        await services.audit.record(principal, {
          organizationId: organization.id,
          action: 'member.add',
          target: `member:${user.id}`,
          after: {
            email: user.email,
            role: newRole,
            teams: teams.map((t) => t.slug),
            userCreated: oneTimePassword !== null,
          },
        });
        const member = (await storage.accounts.listMembers(organization.id)).find(
          (m) => m.userId === user.id,
        );
        if (member === undefined) throw new AppError('internal', 'member vanished after being added');
        const json = serializeMember(member, await TeamDirectory.load(storage, organization.id));
        return oneTimePassword === null ? json : { ...json, oneTimePassword };
      },
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/0/organizations/:org/members/:memberId/',
      summary: "Change a member's role (never the last owner's)",
      tags: ['members'],
      scope: 'member:admin',
      params: memberParams,
      body: updateBody,
      handler: async ({ principal, params, body }) => {
        const { member, ...access } = await memberAccess(services, principal, params.org, params.memberId);
        const newRole = body.orgRole ?? body.role ?? member.role;
        assertMemberChange(
          principal,
          access,
          { kind: 'role', targetRole: member.role, role: newRole },
          member.userId,
        );
        const { organization } = access;
        orThrow(await storage.accounts.setMemberRole(organization.id, member.userId, newRole), 'demote');
        await services.audit.record(principal, {
          organizationId: organization.id,
          action: 'member.update',
          target: `member:${member.userId}`,
          before: { email: member.user.email, role: member.role },
          after: { email: member.user.email, role: newRole },
        });
        const directory = await TeamDirectory.load(storage, organization.id);
        return serializeMember({ ...member, role: newRole }, directory);
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/0/organizations/:org/members/:memberId/',
      summary: 'Remove a member (or leave, with "me"); never the last owner',
      tags: ['members'],
      scope: 'member:admin',
      params: memberParams,
      handler: async ({ principal, params }) => {
        const { member, ...access } = await memberAccess(services, principal, params.org, params.memberId);
        assertMemberChange(principal, access, { kind: 'remove', targetRole: member.role }, member.userId);
        orThrow(await storage.accounts.removeMember(access.organization.id, member.userId), 'remove');
        await services.audit.record(principal, {
          organizationId: access.organization.id,
          action: 'member.remove',
          target: `member:${member.userId}`,
          before: { email: member.user.email, role: member.role },
        });
        return undefined;
      },
    }),
  ];
}

function orThrow(result: MemberChangeResult, verb: 'demote' | 'remove'): void {
  if (result === 'not_found') throw new AppError('not_found', 'The requested member does not exist.');
  if (result === 'last_owner') {
    throw new AppError('conflict', `You cannot ${verb} the last owner of an organization.`);
  }
}

async function resolveTeams(storage: Storage, organization: Organization, slugs: string[]): Promise<Team[]> {
  const teams: Team[] = [];
  for (const slug of new Set(slugs)) {
    const team = await storage.teams.getTeamBySlug(organization.id, slug);
    if (team === null) throw fieldError('teams', `no team "${slug}" in this organization`);
    teams.push(team);
  }
  return teams;
}

/** The user with this email, or a new one whose one-time password is returned (shown once). */
async function findOrCreateUser(
  storage: Storage,
  rawEmail: string,
): Promise<{ user: User; oneTimePassword: string | null }> {
  const email = rawEmail.trim().toLowerCase();
  const existing =
    (await storage.accounts.findUserByEmail(email)) ??
    (await storage.accounts.findUserByEmail(rawEmail.trim()));
  if (existing !== null) {
    const { passwordHash: _, ...user } = existing;
    return { user, oneTimePassword: null };
  }
  const oneTimePassword = randomBytes(12).toString('base64url');
  const user = await storage.accounts.createUser({
    email,
    name: email.split('@')[0] ?? email,
    passwordHash: await hashPassword(oneTimePassword),
    isSuperuser: false,
    mustChangePassword: true,
  });
  return { user, oneTimePassword };
}
