import { API_SCOPES } from '@fixloop/core';
import type { ApiScope, ApiToken, Membership, OrganizationRole, User } from '@fixloop/core';

/**
 * Who is calling the Web API. A token acts with its own scopes, capped by its user's role in each
 * organization; a session acts with its user's role. A token without a user (FIXLOOP_ADMIN_TOKEN) and
 * a superuser see every organization.
 */
export type Principal =
  | { kind: 'token'; token: ApiToken; user: User | null; memberships: Membership[] }
  | { kind: 'session'; sessionId: string; csrfToken: string; user: User; memberships: Membership[] };

const READ_SCOPES: ApiScope[] = ['org:read', 'project:read', 'event:read', 'member:read'];

const ROLE_SCOPES: Record<OrganizationRole, readonly ApiScope[]> = {
  owner: API_SCOPES,
  admin: API_SCOPES.filter((s) => s !== 'org:admin'),
  member: [...READ_SCOPES, 'event:write', 'project:releases', 'project:write'],
  viewer: READ_SCOPES,
};

export function scopesForRole(role: OrganizationRole): readonly ApiScope[] {
  return ROLE_SCOPES[role];
}

export function isSuperPrincipal(principal: Principal): boolean {
  if (principal.user?.isSuperuser === true) return true;
  return principal.kind === 'token' && principal.token.userId === null;
}

/** The role the principal holds in an organization, or null when it may not see it at all. */
export function roleIn(principal: Principal, organizationId: number): OrganizationRole | null {
  const membership = principal.memberships.find((m) => m.organizationId === organizationId);
  if (membership !== undefined) return membership.role;
  return isSuperPrincipal(principal) ? 'owner' : null;
}

/** Scopes effective in one organization (null organization: scopes that need no organization). */
export function effectiveScopes(principal: Principal, organizationId: number | null): Set<ApiScope> {
  const role = organizationId === null ? null : roleIn(principal, organizationId);
  const roleScopes =
    role === null ? (isSuperPrincipal(principal) ? API_SCOPES : READ_SCOPES) : scopesForRole(role);
  if (principal.kind === 'session') return new Set(roleScopes);
  return new Set(principal.token.scopes.filter((s) => roleScopes.includes(s)));
}

export function principalLabel(principal: Principal): string {
  if (principal.kind === 'session') return `user:${principal.user.email}`;
  return principal.user === null
    ? `token:${principal.token.name}`
    : `token:${principal.token.name} (${principal.user.email})`;
}
