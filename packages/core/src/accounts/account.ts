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
  scopes: ApiScope[];
  userId: number | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}
