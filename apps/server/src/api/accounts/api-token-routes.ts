import { randomBytes } from 'node:crypto';
import { API_SCOPES, AppError, roleAtLeast } from '@fixloop/core';
import type { ApiToken, OrganizationRole, User } from '@fixloop/core';
import { z } from 'zod';
import { hashApiToken } from '../../bootstrap/bootstrap-accounts.ts';
import { defineRoute } from '../api-route.ts';
import type { AnyRouteSpec, ApiServices } from '../api-route.ts';
import { effectiveScopes, isSuperPrincipal, roleIn } from '../principal.ts';
import type { Principal } from '../principal.ts';
import { serializeApiToken } from './serialize-api-token.ts';

const tokenIdParams = z.object({ tokenId: z.coerce.number().int().positive() });

/**
 * `/api/0/api-tokens/`: users create, list and revoke their own tokens; with `?organization=`, an
 * owner or admin (member:admin) lists the tokens of that organization's members of equal or lower role.
 */
export function apiTokenRoutes(services: ApiServices): AnyRouteSpec[] {
  const { storage } = services;
  return [
    defineRoute({
      method: 'GET',
      path: '/api/0/api-tokens/',
      summary: "List the caller's API tokens, or (organization=slug) its members' tokens",
      tags: ['api-tokens'],
      query: z.object({ organization: z.string().min(1).optional() }),
      handler: async ({ principal, query }) => {
        if (query.organization === undefined) {
          const user = requireUser(principal);
          return (await storage.accounts.listApiTokens({ userId: user.id })).map((t) => serializeApiToken(t));
        }
        const { organization, role } = await services.access.organization(
          principal,
          query.organization,
          'member:admin',
        );
        const members = new Map(
          (await storage.accounts.listMembers(organization.id)).map((m) => [m.userId, m]),
        );
        const tokens = await storage.accounts.listApiTokens({ organizationId: organization.id });
        return tokens.flatMap((token) => {
          const owner = token.userId === null ? undefined : members.get(token.userId);
          if (owner === undefined || !roleAtLeast(role, owner.role)) return [];
          return [serializeApiToken(token, { owner: owner.user })];
        });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/0/api-tokens/',
      summary: 'Create an API token for the caller; the token is in this response only',
      tags: ['api-tokens'],
      status: 201,
      body: z.object({
        name: z.string().trim().min(1).max(100).default('Token'),
        scopes: z.array(z.enum(API_SCOPES)).min(1),
      }),
      handler: async ({ principal, body }) => {
        const user = requireUser(principal);
        // A token cannot mint a token with more scopes than it has itself.
        if (principal.kind === 'token') {
          const missing = body.scopes.filter((s) => !principal.token.scopes.includes(s));
          if (missing.length > 0) {
            throw new AppError(
              'forbidden',
              `This token cannot grant scopes it lacks: ${missing.join(', ')}.`,
            );
          }
        }
        const secret = `fxl_${randomBytes(20).toString('hex')}`;
        const token = await storage.accounts.createApiToken({
          name: body.name,
          tokenHash: hashApiToken(secret),
          tokenPrefix: secret.slice(0, 8),
          tokenLastCharacters: secret.slice(-4),
          scopes: [...new Set(body.scopes)],
          userId: user.id,
        });
        await services.audit.record(principal, {
          organizationId: null,
          action: 'token.create',
          target: `token:${token.id}`,
          after: auditView(token),
        });
        return serializeApiToken(token, { token: secret });
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/0/api-tokens/:tokenId/',
      summary: 'Revoke an API token (own, or a member’s as organization owner/admin)',
      tags: ['api-tokens'],
      params: tokenIdParams,
      handler: async ({ principal, params }) => {
        const token = await storage.accounts.getApiToken(params.tokenId);
        if (token === null) throw notFound();
        const organizationId = await revocationScope(services, principal, token);
        await storage.accounts.deleteApiToken(token.id);
        await services.audit.record(principal, {
          organizationId,
          action: 'token.revoke',
          target: `token:${token.id}`,
          before: auditView(token),
        });
        return undefined;
      },
    }),
  ];
}

/**
 * Whether the principal may revoke the token, and the organization to file the audit entry under
 * (null for one's own). Tokens the caller may not manage are reported missing, like other tenants'.
 */
async function revocationScope(
  services: ApiServices,
  principal: Principal,
  token: ApiToken,
): Promise<number | null> {
  if (principal.user !== null && token.userId === principal.user.id) return null;
  if (isSuperPrincipal(principal)) return null;
  if (token.userId === null) throw notFound();
  for (const membership of await services.storage.accounts.listMemberships(token.userId)) {
    const role = roleIn(principal, membership.organizationId);
    if (role !== null && canManage(principal, membership.organizationId, role, membership.role)) {
      return membership.organizationId;
    }
  }
  throw notFound();
}

function canManage(
  principal: Principal,
  organizationId: number,
  role: OrganizationRole,
  target: OrganizationRole,
) {
  return effectiveScopes(principal, organizationId).has('member:admin') && roleAtLeast(role, target);
}

function requireUser(principal: Principal): User {
  if (principal.user === null)
    throw new AppError('forbidden', 'API tokens belong to users; this token has none.');
  return principal.user;
}

function auditView(token: ApiToken) {
  return { name: token.name, scopes: token.scopes, userId: token.userId, tokenPrefix: token.tokenPrefix };
}

function notFound(): AppError {
  return new AppError('not_found', 'The requested token does not exist.');
}
