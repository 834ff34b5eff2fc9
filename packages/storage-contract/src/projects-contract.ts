import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS, isAppError } from '@fixloop/core';
import type { ProjectSettings } from '@fixloop/core';
import { unique } from './contract-fixtures.ts';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

export function describeProjectsContract(setup: StorageSetup): void {
  describe('projects', () => {
    const storage = useStorage(setup);

    it('creates, finds and lists organizations; a duplicate slug is a conflict', async () => {
      const slug = unique('acme');
      const org = await storage().projects.createOrganization({ slug, name: 'Acme' });
      expect(org).toMatchObject({ slug, name: 'Acme' });
      expect(org.id).toBeGreaterThan(0);
      expect(org.createdAt).toBeInstanceOf(Date);
      expect(await storage().projects.getOrganizationBySlug(slug)).toEqual(org);
      expect(await storage().projects.getOrganizationBySlug('nope-' + slug)).toBeNull();
      expect((await storage().projects.listOrganizations()).map((o) => o.id)).toContain(org.id);
      const error = await storage()
        .projects.createOrganization({ slug, name: 'Again' })
        .catch((e: unknown) => e);
      expect(isAppError(error) && error.code).toBe('conflict');
    });

    it('creates projects with settings, finds them by id and slug, lists and updates them', async () => {
      const org = await storage().projects.createOrganization({ slug: unique('org'), name: 'O' });
      const other = await storage().projects.createOrganization({ slug: unique('org'), name: 'P' });
      const settings: ProjectSettings = {
        ...DEFAULT_PROJECT_SETTINGS,
        rateLimit: { count: 10, windowSeconds: 60 },
      };
      const input = { organizationId: org.id, slug: 'web', name: 'Web', platform: 'javascript', settings };
      const project = await storage().projects.createProject(input);
      expect(project).toMatchObject({
        organizationId: org.id,
        slug: 'web',
        platform: 'javascript',
        settings,
      });
      const second = await storage().projects.createProject({ ...input, slug: 'api', platform: null });
      await storage().projects.createProject({ ...input, organizationId: other.id });
      expect(await storage().projects.getProject(project.id)).toEqual(project);
      expect(await storage().projects.getProject(987654321)).toBeNull();
      expect(await storage().projects.getProjectBySlug(org.id, 'api')).toEqual(second);
      expect(await storage().projects.getProjectBySlug(org.id, 'none')).toBeNull();
      expect((await storage().projects.listProjects(org.id)).map((p) => p.id)).toEqual([
        project.id,
        second.id,
      ]);
      expect((await storage().projects.listProjects()).length).toBeGreaterThanOrEqual(3);
      const dup = await storage()
        .projects.createProject(input)
        .catch((e: unknown) => e);
      expect(isAppError(dup) && dup.code).toBe('conflict');

      const newSettings = { ...settings, eventRetentionDays: 7 };
      const updated = await storage().projects.updateProject(project.id, {
        name: 'Web 2',
        settings: newSettings,
      });
      expect(updated).toMatchObject({ name: 'Web 2', platform: 'javascript', settings: newSettings });
      expect(await storage().projects.getProject(project.id)).toEqual(updated);
      expect(await storage().projects.updateProject(987654321, { name: 'x' })).toBeNull();
    });

    it('creates keys, lists them and finds a key with its project', async () => {
      const org = await storage().projects.createOrganization({ slug: unique('org'), name: 'O' });
      const project = await storage().projects.createProject({
        organizationId: org.id,
        slug: 'p',
        name: 'P',
        platform: null,
        settings: DEFAULT_PROJECT_SETTINGS,
      });
      const publicKey = unique('k')
        .replace(/[^a-z0-9]/g, '')
        .padEnd(32, '0')
        .slice(0, 32);
      const key = await storage().projects.createKey({ projectId: project.id, publicKey, label: 'Default' });
      expect(key).toMatchObject({ projectId: project.id, publicKey, label: 'Default', isActive: true });
      expect(await storage().projects.listKeys(project.id)).toEqual([key]);
      expect(await storage().projects.findKey(publicKey)).toEqual({ key, project });
      expect(await storage().projects.findKey('0'.repeat(32))).toBeNull();
      const dup = await storage()
        .projects.createKey({ projectId: project.id, publicKey, label: 'again' })
        .catch((e: unknown) => e);
      expect(isAppError(dup) && dup.code).toBe('conflict');
    });
  });
}
