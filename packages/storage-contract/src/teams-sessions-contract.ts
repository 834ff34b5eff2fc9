import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS, isAppError } from '@fixloop/core';
import type { Storage, User } from '@fixloop/core';
import { unique } from './contract-fixtures.ts';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

async function newUser(storage: Storage): Promise<User> {
  return storage.accounts.createUser({
    email: `${unique('t')}@example.com`,
    name: 'T',
    passwordHash: 'h',
    isSuperuser: false,
    mustChangePassword: false,
  });
}

export function describeTeamsSessionsContract(setup: StorageSetup): void {
  describe('teams', () => {
    const storage = useStorage(setup);

    it('creates teams with slugs unique per organization, lists and deletes them', async () => {
      const teams = storage().teams;
      const org = await storage().projects.createOrganization({ slug: unique('org'), name: 'O' });
      const other = await storage().projects.createOrganization({ slug: unique('org'), name: 'P' });
      const backend = await teams.createTeam({ organizationId: org.id, slug: 'backend', name: 'Backend' });
      expect(backend).toMatchObject({ organizationId: org.id, slug: 'backend', name: 'Backend' });
      expect(backend.createdAt).toBeInstanceOf(Date);
      await teams.createTeam({ organizationId: org.id, slug: 'alpha', name: 'Alpha' });
      await teams.createTeam({ organizationId: other.id, slug: 'backend', name: 'Other backend' });
      const dup = await teams
        .createTeam({ organizationId: org.id, slug: 'backend', name: 'x' })
        .catch((e: unknown) => e);
      expect(isAppError(dup) && dup.code).toBe('conflict');
      expect((await teams.listTeams(org.id)).map((t) => t.slug)).toEqual(['alpha', 'backend']);
      expect(await teams.getTeamBySlug(org.id, 'backend')).toEqual(backend);
      expect(await teams.getTeamBySlug(org.id, 'none')).toBeNull();
      expect(await teams.deleteTeam(backend.id)).toBe(true);
      expect(await teams.deleteTeam(backend.id)).toBe(false);
      expect((await teams.listTeams(org.id)).map((t) => t.slug)).toEqual(['alpha']);
      expect((await teams.listTeams(other.id)).map((t) => t.name)).toEqual(['Other backend']);
    });

    it('adds and removes team members and project owners, per organization', async () => {
      const teams = storage().teams;
      const org = await storage().projects.createOrganization({ slug: unique('org'), name: 'O' });
      const team = await teams.createTeam({ organizationId: org.id, slug: 'web', name: 'Web' });
      const user = await newUser(storage());
      expect(await teams.addTeamMember(team.id, user.id)).toBe(true);
      expect(await teams.addTeamMember(team.id, user.id)).toBe(false);
      expect(await teams.listTeamMemberships(org.id)).toEqual([{ teamId: team.id, userId: user.id }]);
      expect(await teams.removeTeamMember(team.id, user.id)).toBe(true);
      expect(await teams.removeTeamMember(team.id, user.id)).toBe(false);
      expect(await teams.listTeamMemberships(org.id)).toEqual([]);

      const project = await storage().projects.createProject({
        organizationId: org.id,
        slug: unique('p'),
        name: 'P',
        platform: null,
        settings: DEFAULT_PROJECT_SETTINGS,
      });
      await teams.addProjectTeam(team.id, project.id);
      await teams.addProjectTeam(team.id, project.id);
      expect(await teams.listProjectTeams(org.id)).toEqual([{ teamId: team.id, projectId: project.id }]);
      // Deleting the team releases its projects, never deletes them.
      await teams.addTeamMember(team.id, user.id);
      await teams.deleteTeam(team.id);
      expect(await teams.listProjectTeams(org.id)).toEqual([]);
      expect(await teams.listTeamMemberships(org.id)).toEqual([]);
      expect(await storage().projects.getProject(project.id)).not.toBeNull();
    });
  });

  describe('login sessions', () => {
    const storage = useStorage(setup);

    it('stores sessions by hash, slides expiry, revokes one, a user’s others, and expired ones', async () => {
      const sessions = storage().sessions;
      const user = await newUser(storage());
      const t0 = new Date('2026-03-01T00:00:00.000Z');
      const at = (days: number) => new Date(t0.getTime() + days * 86_400_000);
      const session = (idHash: string, expiresAt: Date) => ({
        idHash,
        userId: user.id,
        csrfToken: `csrf-${idHash}`,
        createdAt: t0,
        lastSeenAt: t0,
        expiresAt,
      });
      await sessions.createSession(session('a', at(14)));
      await sessions.createSession(session('b', at(14)));
      await sessions.createSession(session('c', at(1)));
      expect(await sessions.findSession('a')).toEqual(session('a', at(14)));
      expect(await sessions.findSession('missing')).toBeNull();

      await sessions.touchSession('a', at(2), at(16));
      expect(await sessions.findSession('a')).toMatchObject({ lastSeenAt: at(2), expiresAt: at(16) });

      expect(await sessions.deleteExpiredSessions(at(1))).toBe(1);
      expect(await sessions.findSession('c')).toBeNull();
      expect(await sessions.deleteUserSessions(user.id, 'a')).toBe(1);
      expect(await sessions.findSession('b')).toBeNull();
      expect(await sessions.deleteSession('a')).toBe(true);
      expect(await sessions.deleteSession('a')).toBe(false);

      await sessions.createSession(session('d', at(14)));
      await sessions.createSession(session('e', at(14)));
      expect(await sessions.deleteUserSessions(user.id)).toBe(2);
    });
  });
}
