import { API_SCOPES, DEFAULT_PROJECT_SETTINGS } from '@fixloop/core';
import type { ApiScope, Organization, OrganizationRole, Project, Storage, User } from '@fixloop/core';
import { randomBytes } from 'node:crypto';
import { hashApiToken } from '../../bootstrap/bootstrap-accounts.ts';
import { hashPassword } from '../../bootstrap/password-hash.ts';

export const TEST_PASSWORD = 'correct-horse-battery';

export interface TestUser {
  user: User;
  email: string;
  password: string;
  token: string;
}

export interface TestOrg {
  organization: Organization;
  project: Project;
  publicKey: string;
  users: Record<OrganizationRole, TestUser>;
}

let passwordHash: Promise<string> | null = null;

/** A user with a known password and an API token (all scopes unless given), optionally a member. */
export async function createTestUser(
  storage: Storage,
  options: {
    organizationId?: number;
    role?: OrganizationRole;
    scopes?: ApiScope[];
    superuser?: boolean;
  } = {},
): Promise<TestUser> {
  const email = `u-${randomBytes(5).toString('hex')}@example.com`;
  const user = await storage.accounts.createUser({
    email,
    name: email.split('@')[0] ?? email,
    passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)),
    isSuperuser: options.superuser ?? false,
    mustChangePassword: false,
  });
  if (options.organizationId !== undefined) {
    await storage.accounts.addMember({
      organizationId: options.organizationId,
      userId: user.id,
      role: options.role ?? 'member',
    });
  }
  const token = `fxl_${randomBytes(20).toString('hex')}`;
  await storage.accounts.createApiToken({
    name: `token of ${email}`,
    tokenHash: hashApiToken(token),
    tokenPrefix: token.slice(0, 8),
    tokenLastCharacters: token.slice(-4),
    scopes: options.scopes ?? [...API_SCOPES],
    userId: user.id,
  });
  return { user, email, password: TEST_PASSWORD, token };
}

/** An organization with a project, a DSN key and one user (with a token) per role. */
export async function createTestOrg(storage: Storage, slug: string): Promise<TestOrg> {
  const organization = await storage.projects.createOrganization({ slug, name: `Org ${slug}` });
  const project = await storage.projects.createProject({
    organizationId: organization.id,
    slug: `${slug}-app`,
    name: 'App',
    platform: 'node',
    settings: DEFAULT_PROJECT_SETTINGS,
  });
  const publicKey = randomBytes(16).toString('hex');
  await storage.projects.createKey({ projectId: project.id, publicKey, label: 'Default' });
  const users = {} as Record<OrganizationRole, TestUser>;
  for (const role of ['owner', 'admin', 'member', 'viewer'] as const) {
    users[role] = await createTestUser(storage, { organizationId: organization.id, role });
  }
  return { organization, project, publicKey, users };
}
