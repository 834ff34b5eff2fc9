export const API_SCOPES = [
  'org:read',
  'org:write',
  'org:admin',
  'project:read',
  'project:write',
  'project:admin',
  'project:releases',
  'event:read',
  'event:write',
  'event:admin',
  'member:read',
  'member:write',
  'member:admin',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export interface User {
  id: number;
  email: string;
  name: string;
  isSuperuser: boolean;
  /** True until the user replaces a generated one-time password. */
  mustChangePassword: boolean;
  createdAt: Date;
}

export interface ApiToken {
  id: number;
  name: string;
  /** Only a hash is stored; the token itself is shown once. */
  tokenHash: string;
  /** The first characters of the token, to tell tokens apart in lists. */
  tokenPrefix: string;
  /** The last characters of the token (Sentry's `tokenLastCharacters`); '' for tokens made before. */
  tokenLastCharacters: string;
  scopes: ApiScope[];
  userId: number | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export const ORGANIZATION_ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export interface Membership {
  organizationId: number;
  userId: number;
  role: OrganizationRole;
}

/** A membership with its user, as organization member lists show it. */
export interface OrganizationMember extends Membership {
  user: User;
  createdAt: Date;
}

/** Outcome of a role change or removal; the store refuses to leave an organization without an owner. */
export type MemberChangeResult = 'changed' | 'not_found' | 'last_owner';

/**
 * A dashboard login. Only a hash of the cookie value is stored, so a database leak yields no usable
 * session; `csrfToken` is what mutating requests must echo in `X-CSRF-Token`.
 */
export interface LoginSession {
  idHash: string;
  userId: number;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}
