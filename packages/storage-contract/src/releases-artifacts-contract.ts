import { describe, expect, it } from 'vitest';
import { describeArtifactsContract, secondProject } from './artifacts-contract.ts';
import { createTestProject, eventWrite, writeOne } from './contract-fixtures.ts';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

const at = (iso: string) => new Date(iso);
const bytes = (text: string) => new TextEncoder().encode(text);

export function describeReleasesArtifactsContract(setup: StorageSetup): void {
  describe('releases and deploys', () => {
    const storage = useStorage(setup);

    it('creates a release once per organization and links more projects on the second call', async () => {
      const project = await createTestProject(storage());
      const other = await secondProject(storage(), project);
      const input = {
        organizationId: project.organizationId,
        version: 'web@1.0.0',
        projectIds: [project.id],
        ref: 'abc123',
        url: 'https://ci.example.com/1',
        dateReleased: at('2026-01-02T00:00:00Z'),
        commits: [{ id: 'a' }, { id: 'b' }],
        createdAt: at('2026-01-01T00:00:00Z'),
      };
      const first = await storage().releases.ensureRelease(input);
      expect(first.created).toBe(true);
      expect(first.release).toMatchObject({
        version: 'web@1.0.0',
        ref: 'abc123',
        url: 'https://ci.example.com/1',
        commitCount: 2,
        projectIds: [project.id],
        newGroups: 0,
        deployCount: 0,
        lastDeploy: null,
      });
      expect(first.release.dateReleased?.toISOString()).toBe('2026-01-02T00:00:00.000Z');
      expect(first.release.dateCreated.toISOString()).toBe('2026-01-01T00:00:00.000Z');
      const again = await storage().releases.ensureRelease({
        ...input,
        projectIds: [other.id],
        commits: null,
      });
      expect(again.created).toBe(false);
      expect(again.release.id).toBe(first.release.id);
      expect(again.release.projectIds).toEqual([project.id, other.id].sort((a, b) => a - b));
      expect(again.release.commitCount).toBe(2);
      expect(await storage().releases.getRelease(project.organizationId, 'web@1.0.0')).toMatchObject({
        id: first.release.id,
      });
      expect(await storage().releases.getRelease(project.organizationId, 'nope')).toBeNull();
    });

    it('lists newest first, filtered by project and version substring, paginated', async () => {
      const project = await createTestProject(storage());
      const other = await secondProject(storage(), project);
      const make = (version: string, projectId: number, minute: number) =>
        storage().releases.ensureRelease({
          organizationId: project.organizationId,
          version,
          projectIds: [projectId],
          createdAt: at(`2026-01-01T00:0${minute}:00Z`),
        });
      await make('1.0.0', project.id, 1);
      await make('1.1.0_beta', project.id, 2);
      await make('2.0.0', other.id, 3);
      const list = (filter: { projectIds?: number[]; query?: string; limit?: number; offset?: number }) =>
        storage().releases.listReleases({
          organizationId: project.organizationId,
          limit: 10,
          offset: 0,
          ...filter,
        });
      expect((await list({})).map((r) => r.version)).toEqual(['2.0.0', '1.1.0_beta', '1.0.0']);
      expect((await list({ projectIds: [project.id] })).map((r) => r.version)).toEqual([
        '1.1.0_beta',
        '1.0.0',
      ]);
      expect(await list({ projectIds: [] })).toEqual([]);
      expect((await list({ query: '0_B' })).map((r) => r.version)).toEqual(['1.1.0_beta']);
      expect((await list({ query: '%' })).map((r) => r.version)).toEqual([]);
      expect((await list({ limit: 1, offset: 1 })).map((r) => r.version)).toEqual(['1.1.0_beta']);

      const beta = (await list({ query: 'beta' }))[0];
      expect(beta?.status).toBe('open');
      const archived = await storage().releases.updateRelease(beta!.id, { status: 'archived' });
      expect(archived?.status).toBe('archived');
      const byStatus = async (status: 'open' | 'archived') =>
        (
          await storage().releases.listReleases({
            organizationId: project.organizationId,
            status,
            limit: 10,
            offset: 0,
          })
        ).map((r) => r.version);
      expect(await byStatus('open')).toEqual(['2.0.0', '1.0.0']);
      expect(await byStatus('archived')).toEqual(['1.1.0_beta']);
      expect((await list({})).map((r) => r.version)).toEqual(['2.0.0', '1.1.0_beta', '1.0.0']);
      await storage().releases.updateRelease(beta!.id, { status: 'open' });
      expect(await byStatus('archived')).toEqual([]);
    });

    it('updates fields, records deploys (newest is lastDeploy) and counts new issues', async () => {
      const project = await createTestProject(storage());
      const { release } = await storage().releases.ensureRelease({
        organizationId: project.organizationId,
        version: 'r1',
        projectIds: [project.id],
        createdAt: at('2026-01-01T00:00:00Z'),
      });
      const updated = await storage().releases.updateRelease(release.id, {
        ref: 'main',
        dateReleased: at('2026-01-03T00:00:00Z'),
        commits: [{ id: 'x' }],
      });
      expect(updated).toMatchObject({ ref: 'main', commitCount: 1, url: null });
      const cleared = await storage().releases.updateRelease(release.id, { dateReleased: null });
      expect(cleared?.dateReleased).toBeNull();
      await storage().releases.addDeploy({
        releaseId: release.id,
        organizationId: project.organizationId,
        environment: 'staging',
        dateFinished: at('2026-01-04T00:00:00Z'),
      });
      const prod = await storage().releases.addDeploy({
        releaseId: release.id,
        organizationId: project.organizationId,
        environment: 'production',
        name: 'deploy 2',
        url: 'https://ci.example.com/d/2',
        dateStarted: at('2026-01-05T00:00:00Z'),
        dateFinished: at('2026-01-05T00:10:00Z'),
      });
      expect(prod).toMatchObject({ environment: 'production', name: 'deploy 2', releaseId: release.id });
      expect((await storage().releases.listDeploys(release.id)).map((d) => d.environment)).toEqual([
        'production',
        'staging',
      ]);
      await writeOne(storage(), eventWrite(project.id, { release: 'r1' }));
      await writeOne(storage(), eventWrite(project.id, { release: 'r1' }));
      await writeOne(storage(), eventWrite(project.id, { release: 'other' }));
      const read = await storage().releases.getRelease(project.organizationId, 'r1');
      expect(read).toMatchObject({ deployCount: 2, newGroups: 2 });
      expect(read?.lastDeploy?.environment).toBe('production');
    });

    it('finds the previous release with commits of the same projects, and its newest commit', async () => {
      const project = await createTestProject(storage());
      const other = await secondProject(storage(), project);
      const make = (version: string, projectId: number, minute: number, commits: unknown[] | null) =>
        storage().releases.ensureRelease({
          organizationId: project.organizationId,
          version,
          projectIds: [projectId],
          commits,
          createdAt: at(`2026-01-01T00:0${minute}:00Z`),
        });
      const newest = { id: 'c2', message: 'fix', timestamp: '2026-01-01T00:00:00Z' };
      const { release: first } = await make('p1', project.id, 1, [newest, { id: 'c1' }]);
      await make('o2', other.id, 2, [{ id: 'x' }]);
      await make('p3', project.id, 3, null);
      const { release: fourth } = await make('p4', project.id, 4, null);
      const previous = await storage().releases.previousWithCommits(fourth.id);
      expect(previous?.release.version).toBe('p1');
      expect(previous?.lastCommit).toEqual({
        id: 'c2',
        message: 'fix',
        dateCreated: '2026-01-01T00:00:00Z',
        authorName: null,
        authorEmail: null,
        repository: null,
      });
      expect(await storage().releases.previousWithCommits(first.id)).toBeNull();
      expect(await storage().releases.previousWithCommits(999_999)).toBeNull();
    });

    it('lists the commits of a release as they were set, skipping ones without an id', async () => {
      const project = await createTestProject(storage());
      const commits = [
        {
          id: 'c2',
          message: 'fix',
          author_name: 'Ada',
          author_email: 'ada@example.com',
          repository: 'origin',
        },
        { message: 'no id' },
        'not an object',
        { id: 'c1' },
      ];
      const { release } = await storage().releases.ensureRelease({
        organizationId: project.organizationId,
        version: 'with-commits',
        projectIds: [project.id],
        commits,
        createdAt: at('2026-01-01T00:00:00Z'),
      });
      expect(await storage().releases.listCommits(release.id)).toEqual([
        {
          id: 'c2',
          message: 'fix',
          dateCreated: null,
          authorName: 'Ada',
          authorEmail: 'ada@example.com',
          repository: 'origin',
        },
        { id: 'c1', message: null, dateCreated: null, authorName: null, authorEmail: null, repository: null },
      ]);
      await storage().releases.updateRelease(release.id, { commits: null });
      expect(await storage().releases.listCommits(release.id)).toEqual([]);
      expect(await storage().releases.listCommits(999_999)).toEqual([]);
    });

    it('deletes a release with its deploys and files; another organization never sees it', async () => {
      const project = await createTestProject(storage());
      const stranger = await createTestProject(storage());
      const { release } = await storage().releases.ensureRelease({
        organizationId: project.organizationId,
        version: 'gone',
        projectIds: [project.id],
        createdAt: at('2026-01-01T00:00:00Z'),
      });
      await storage().releases.addDeploy({
        releaseId: release.id,
        organizationId: project.organizationId,
        environment: 'production',
        dateFinished: at('2026-01-01T00:00:00Z'),
      });
      await storage().artifacts.putReleaseFile({
        organizationId: project.organizationId,
        releaseId: release.id,
        dist: null,
        name: '~/app.js',
        headers: {},
        content: bytes('x'),
        createdAt: at('2026-01-01T00:00:00Z'),
      });
      expect(await storage().releases.getRelease(stranger.organizationId, 'gone')).toBeNull();
      expect(await storage().releases.deleteRelease(release.id)).toBe(true);
      expect(await storage().releases.deleteRelease(release.id)).toBe(false);
      expect(await storage().releases.getRelease(project.organizationId, 'gone')).toBeNull();
      expect(await storage().releases.listDeploys(release.id)).toEqual([]);
      expect(await storage().artifacts.listReleaseFiles(release.id)).toEqual([]);
    });
  });

  describeArtifactsContract(setup);
}
