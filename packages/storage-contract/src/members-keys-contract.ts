import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS, isAppError } from '@fixloop/core';
import type { OrganizationRole, Storage, User } from '@fixloop/core';
import { unique } from './contract-fixtures.ts';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

async function member(storage: Storage, organizationId: number, role: OrganizationRole): Promise<User> {
  const user = await storage.accounts.createUser({
    email: `${unique('m')}@example.com`,
    name: 'M',
    passwordHash: 'h',
    isSuperuser: false,
    mustChangePassword: false,
  });
  await storage.accounts.addMember({ organizationId, userId: user.id, role });
  return user;
}

export function describeMembersKeysContract(setup: StorageSetup): void {
  describe('members, users, tokens, organizations and keys', () => {
    const storage = useStorage(setup);

    it('lists members with users and never demotes or removes the last owner', async () => {
      const accounts = storage().accounts;
      const org = await storage().projects.createOrganization({ slug: unique('org'), name: 'O' });
      const owner = await member(storage(), org.id, 'owner');
      const viewer = await member(storage(), org.id, 'viewer');
      const members = await accounts.listMembers(org.id);
      expect(members.map((m) => [m.userId, m.role, m.user.email])).toEqual([
        [owner.id, 'owner', owner.email],
        [viewer.id, 'viewer', viewer.email],
      ]);
      expect(members[0]?.createdAt).toBeInstanceOf(Date);
      expect(await accounts.getMembership(org.id, viewer.id)).toEqual({
        organizationId: org.id,
        userId: viewer.id,
        role: 'viewer',
      });
      expect(await accounts.getMembership(org.id, 987654)).toBeNull();

      expect(await accounts.setMemberRole(org.id, owner.id, 'admin')).toBe('last_owner');
      expect(await accounts.removeMember(org.id, owner.id)).toBe('last_owner');
      expect(await accounts.setMemberRole(org.id, 987654, 'admin')).toBe('not_found');
      expect(await accounts.setMemberRole(org.id, viewer.id, 'owner')).toBe('changed');
      expect(await accounts.setMemberRole(org.id, owner.id, 'member')).toBe('changed');
      expect(await accounts.removeMember(org.id, viewer.id)).toBe('last_owner');
      expect(await accounts.removeMember(org.id, owner.id)).toBe('changed');
      expect(await accounts.removeMember(org.id, owner.id)).toBe('not_found');
      expect((await accounts.listMembers(org.id)).map((m) => m.role)).toEqual(['owner']);
    });

    it('two concurrent demotions of the only two owners leave one owner', async () => {
      const accounts = storage().accounts;
      const org = await storage().projects.createOrganization({ slug: unique('org'), name: 'O' });
      const a = await member(storage(), org.id, 'owner');
      const b = await member(storage(), org.id, 'owner');
      const results = await Promise.all([
        accounts.setMemberRole(org.id, a.id, 'member'),
        accounts.setMemberRole(org.id, b.id, 'member'),
      ]);
      expect(results.sort()).toEqual(['changed', 'last_owner']);
      expect((await accounts.listMembers(org.id)).filter((m) => m.role === 'owner')).toHaveLength(1);
    });

    it('removing a member also removes them from that organization’s teams only', async () => {
      const org = await storage().projects.createOrganization({ slug: unique('org'), name: 'O' });
      const other = await storage().projects.createOrganization({ slug: unique('org'), name: 'P' });
      await member(storage(), org.id, 'owner');
      const user = await member(storage(), org.id, 'member');
      await storage().accounts.addMember({ organizationId: other.id, userId: user.id, role: 'member' });
      const team = await storage().teams.createTeam({ organizationId: org.id, slug: 't', name: 'T' });
      const otherTeam = await storage().teams.createTeam({ organizationId: other.id, slug: 't', name: 'T' });
      await storage().teams.addTeamMember(team.id, user.id);
      await storage().teams.addTeamMember(otherTeam.id, user.id);
      expect(await storage().accounts.removeMember(org.id, user.id)).toBe('changed');
      expect(await storage().teams.listTeamMemberships(org.id)).toEqual([]);
      expect(await storage().teams.listTeamMemberships(other.id)).toEqual([
        { teamId: otherTeam.id, userId: user.id },
      ]);
    });

    it('updates users', async () => {
      const user = await storage().accounts.createUser({
        email: `${unique('u')}@example.com`,
        name: 'Old',
        passwordHash: 'old-hash',
        isSuperuser: false,
        mustChangePassword: true,
      });
      const updated = await storage().accounts.updateUser(user.id, {
        name: 'New',
        passwordHash: 'new-hash',
        mustChangePassword: false,
      });
      expect(updated).toEqual({ ...user, name: 'New', mustChangePassword: false });
      expect((await storage().accounts.findUserByEmail(user.email))?.passwordHash).toBe('new-hash');
      expect(await storage().accounts.updateUser(user.id, {})).toEqual(updated);
      expect(await storage().accounts.updateUser(987654, { name: 'x' })).toBeNull();
    });

    it('lists tokens per user and per organization, gets and deletes them', async () => {
      const accounts = storage().accounts;
      const org = await storage().projects.createOrganization({ slug: unique('org'), name: 'O' });
      const inOrg = await member(storage(), org.id, 'member');
      const outside = await member(
        storage(),
        (await storage().projects.createOrganization({ slug: unique('org'), name: 'X' })).id,
        'owner',
      );
      const token = (userId: number | null, name: string) =>
        accounts.createApiToken({
          name,
          tokenHash: unique('hash'),
          tokenPrefix: 'fxl_12',
          tokenLastCharacters: 'abcd',
          scopes: ['org:read'],
          userId,
        });
      const first = await token(inOrg.id, 'one');
      const second = await token(inOrg.id, 'two');
      await token(outside.id, 'three');
      await token(null, 'admin');
      expect(first.tokenLastCharacters).toBe('abcd');
      expect((await accounts.listApiTokens({ userId: inOrg.id })).map((t) => t.name)).toEqual(['one', 'two']);
      expect((await accounts.listApiTokens({ organizationId: org.id })).map((t) => t.name)).toEqual([
        'one',
        'two',
      ]);
      expect(await accounts.getApiToken(second.id)).toEqual(second);
      expect(await accounts.deleteApiToken(second.id)).toBe(true);
      expect(await accounts.deleteApiToken(second.id)).toBe(false);
      expect(await accounts.getApiToken(second.id)).toBeNull();
      expect(await accounts.findApiTokenByHash(second.tokenHash)).toBeNull();
    });

    it('updates organizations and projects (slug conflicts are conflicts) and deletes projects', async () => {
      const projects = storage().projects;
      const org = await projects.createOrganization({ slug: unique('org'), name: 'O' });
      const taken = await projects.createOrganization({ slug: unique('org'), name: 'T' });
      const newSlug = unique('renamed');
      expect(await projects.updateOrganization(org.id, { slug: newSlug, name: 'Renamed' })).toEqual({
        ...org,
        slug: newSlug,
        name: 'Renamed',
      });
      expect(await projects.getOrganization(org.id)).toMatchObject({ slug: newSlug });
      expect(await projects.getOrganization(987654)).toBeNull();
      const conflict = await projects
        .updateOrganization(org.id, { slug: taken.slug })
        .catch((e: unknown) => e);
      expect(isAppError(conflict) && conflict.code).toBe('conflict');

      const create = (slug: string) =>
        projects.createProject({
          organizationId: org.id,
          slug,
          name: slug,
          platform: null,
          settings: DEFAULT_PROJECT_SETTINGS,
        });
      const web = await create('web');
      await create('api');
      expect(await projects.updateProject(web.id, { slug: 'frontend' })).toMatchObject({ slug: 'frontend' });
      const dup = await projects.updateProject(web.id, { slug: 'api' }).catch((e: unknown) => e);
      expect(isAppError(dup) && dup.code).toBe('conflict');
      const key = await projects.createKey({ projectId: web.id, publicKey: unique('k'), label: 'K' });
      expect(await projects.deleteProject(web.id)).toBe(true);
      expect(await projects.deleteProject(web.id)).toBe(false);
      expect(await projects.getProject(web.id)).toBeNull();
      expect(await projects.findKey(key.publicKey)).toBeNull();
    });

    it('renames, deactivates and deletes keys', async () => {
      const projects = storage().projects;
      const org = await projects.createOrganization({ slug: unique('org'), name: 'O' });
      const project = await projects.createProject({
        organizationId: org.id,
        slug: 'p',
        name: 'P',
        platform: null,
        settings: DEFAULT_PROJECT_SETTINGS,
      });
      const key = await projects.createKey({ projectId: project.id, publicKey: unique('k'), label: 'Old' });
      expect(await projects.updateKey(key.id, { label: 'New', isActive: false })).toEqual({
        ...key,
        label: 'New',
        isActive: false,
      });
      expect((await projects.findKey(key.publicKey))?.key.isActive).toBe(false);
      expect(await projects.updateKey(key.id, { isActive: true })).toMatchObject({ isActive: true });
      expect(await projects.updateKey(987654, { label: 'x' })).toBeNull();
      expect(await projects.deleteKey(key.id)).toBe(true);
      expect(await projects.deleteKey(key.id)).toBe(false);
      expect(await projects.listKeys(project.id)).toEqual([]);
    });
  });
}
