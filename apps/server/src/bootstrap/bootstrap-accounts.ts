import { createHash, randomBytes } from 'node:crypto';
import type { FixloopConfig } from '@fixloop/config';
import { API_SCOPES } from '@fixloop/core';
import type { Storage } from '@fixloop/core';
import { hashPassword } from './password-hash.ts';

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Idempotent account setup: FIXLOOP_ADMIN_TOKEN becomes an all-scopes API token; the first admin comes
 * from FIXLOOP_ADMIN_EMAIL/PASSWORD, or is admin@localhost with a one-time password printed once.
 */
export async function bootstrapAccounts(
  storage: Storage,
  admin: FixloopConfig['admin'],
  log: (line: string) => void,
): Promise<void> {
  if (admin.token !== null) await ensureAdminToken(storage, admin.token);
  const email = admin.email ?? (admin.password !== null ? 'admin@localhost' : null);
  if (email !== null) {
    if ((await storage.accounts.findUserByEmail(email)) !== null) return;
    const generated = admin.password === null;
    const password = admin.password ?? randomBytes(12).toString('base64url');
    await createAdmin(storage, email, password, generated);
    if (generated) announcePassword(log, email, password);
    return;
  }
  if ((await storage.accounts.countUsers()) > 0) return;
  const password = randomBytes(12).toString('base64url');
  await createAdmin(storage, 'admin@localhost', password, true);
  announcePassword(log, 'admin@localhost', password);
}

async function ensureAdminToken(storage: Storage, token: string): Promise<void> {
  const tokenHash = hashApiToken(token);
  if ((await storage.accounts.findApiTokenByHash(tokenHash)) !== null) return;
  await storage.accounts.createApiToken({
    name: 'FIXLOOP_ADMIN_TOKEN',
    tokenHash,
    tokenPrefix: token.slice(0, 6),
    scopes: [...API_SCOPES],
    userId: null,
  });
}

async function createAdmin(
  storage: Storage,
  email: string,
  password: string,
  mustChangePassword: boolean,
): Promise<void> {
  const user = await storage.accounts.createUser({
    email,
    name: 'Admin',
    passwordHash: await hashPassword(password),
    isSuperuser: true,
    mustChangePassword,
  });
  for (const organization of await storage.projects.listOrganizations()) {
    await storage.accounts.addMember({ organizationId: organization.id, userId: user.id, role: 'owner' });
  }
}

function announcePassword(log: (line: string) => void, email: string, password: string): void {
  log(`Created admin user ${email} with one-time password: ${password}`);
  log('  (shown once; you must change it at first login)');
}
