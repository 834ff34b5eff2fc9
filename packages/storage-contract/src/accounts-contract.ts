import { describe, expect, it } from 'vitest';
import { isAppError } from '@fixloop/core';
import { unique } from './contract-fixtures.ts';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

export function describeAccountsContract(setup: StorageSetup): void {
  describe('accounts', () => {
    const storage = useStorage(setup);

    it('creates users, finds them by email with the password hash, counts them', async () => {
      expect(await storage().accounts.countUsers()).toBe(0);
      const email = `${unique('u')}@example.com`;
      const input = {
        email,
        name: 'Ann',
        passwordHash: 'scrypt$abc',
        isSuperuser: true,
        mustChangePassword: true,
      };
      const user = await storage().accounts.createUser(input);
      expect(user).toMatchObject({ email, name: 'Ann', isSuperuser: true, mustChangePassword: true });
      expect(user).not.toHaveProperty('passwordHash');
      expect(await storage().accounts.findUserByEmail(email)).toEqual({
        ...user,
        passwordHash: 'scrypt$abc',
      });
      expect(await storage().accounts.findUserByEmail('none@example.com')).toBeNull();
      await storage().accounts.createUser({ ...input, email: `b-${email}`, isSuperuser: false });
      expect(await storage().accounts.countUsers()).toBe(2);
      const dup = await storage()
        .accounts.createUser(input)
        .catch((e: unknown) => e);
      expect(isAppError(dup) && dup.code).toBe('conflict');
    });

    it('adds members idempotently', async () => {
      const org = await storage().projects.createOrganization({ slug: unique('org'), name: 'O' });
      const user = await storage().accounts.createUser({
        email: `${unique('m')}@example.com`,
        name: 'M',
        passwordHash: 'h',
        isSuperuser: false,
        mustChangePassword: false,
      });
      await storage().accounts.addMember({ organizationId: org.id, userId: user.id, role: 'member' });
      await expect(
        storage().accounts.addMember({ organizationId: org.id, userId: user.id, role: 'admin' }),
      ).resolves.toBeUndefined();
      expect(await storage().accounts.listMemberships(user.id)).toEqual([
        { organizationId: org.id, userId: user.id, role: 'admin' },
      ]);
      expect(await storage().accounts.getUser(user.id)).toEqual(user);
      expect(await storage().accounts.getUser(987654)).toBeNull();
      await expect(
        storage().accounts.addMember({ organizationId: org.id, userId: 987654, role: 'admin' }),
      ).rejects.toThrow();
    });

    it('creates API tokens, finds them by hash and records their use', async () => {
      const tokenHash = unique('hash');
      const token = await storage().accounts.createApiToken({
        name: 'CI',
        tokenHash,
        tokenPrefix: 'fxl_ab',
        scopes: ['project:read', 'event:write'],
        userId: null,
      });
      expect(token).toMatchObject({
        name: 'CI',
        tokenHash,
        scopes: ['project:read', 'event:write'],
        lastUsedAt: null,
      });
      expect(await storage().accounts.findApiTokenByHash(tokenHash)).toEqual(token);
      expect(await storage().accounts.findApiTokenByHash('missing')).toBeNull();
      const at = new Date('2026-02-03T04:05:06.789Z');
      await storage().accounts.touchApiToken(token.id, at);
      expect((await storage().accounts.findApiTokenByHash(tokenHash))?.lastUsedAt).toEqual(at);
    });
  });
}
