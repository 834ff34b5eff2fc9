import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ArtifactBundleWrite, ArtifactFileWrite, Project, Storage } from '@fixloop/core';
import { createTestProject, eventWrite, unique, writeOne } from './contract-fixtures.ts';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

const at = (iso: string) => new Date(iso);
const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);
const sha1 = (data: Uint8Array | string) => createHash('sha1').update(data).digest('hex');

async function secondProject(storage: Storage, project: Project): Promise<Project> {
  return storage.projects.createProject({
    organizationId: project.organizationId,
    slug: unique('proj'),
    name: 'Second',
    platform: 'javascript',
    settings: project.settings,
  });
}

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
      expect(previous?.lastCommit).toEqual({ id: 'c2', message: 'fix', dateCreated: '2026-01-01T00:00:00Z' });
      expect(await storage().releases.previousWithCommits(first.id)).toBeNull();
      expect(await storage().releases.previousWithCommits(999_999)).toBeNull();
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

function fileWrite(path: string, partial: Partial<ArtifactFileWrite>): ArtifactFileWrite {
  return {
    path,
    url: `~/${path}`,
    type: 'source_map',
    debugId: null,
    headers: {},
    content: bytes(path),
    ...partial,
  };
}

function describeArtifactsContract(setup: StorageSetup): void {
  describe('artifacts: chunks, bundles, release files', () => {
    const storage = useStorage(setup);

    it('stores chunks per organization, idempotently, and reports the missing ones in order', async () => {
      const project = await createTestProject(storage());
      const stranger = await createTestProject(storage());
      const a = bytes('chunk a');
      const b = bytes('chunk b');
      const artifacts = storage().artifacts;
      await artifacts.putChunks(
        project.organizationId,
        [{ checksum: sha1(a), data: a }],
        at('2026-01-01T00:00:00Z'),
      );
      await artifacts.putChunks(
        project.organizationId,
        [{ checksum: sha1(a), data: a }],
        at('2026-01-01T00:00:00Z'),
      );
      expect(await artifacts.findMissingChunks(project.organizationId, [sha1(b), sha1(a), sha1(b)])).toEqual([
        sha1(b),
      ]);
      expect(await artifacts.findMissingChunks(stranger.organizationId, [sha1(a)])).toEqual([sha1(a)]);
      await artifacts.putChunks(
        project.organizationId,
        [{ checksum: sha1(b), data: b }],
        at('2026-01-01T00:00:00Z'),
      );
      const read = await artifacts.readChunks(project.organizationId, [sha1(a), sha1(b)]);
      expect(text(read.get(sha1(a)) ?? new Uint8Array())).toBe('chunk a');
      expect(text(read.get(sha1(b)) ?? new Uint8Array())).toBe('chunk b');
      expect((await artifacts.readChunks(stranger.organizationId, [sha1(a)])).size).toBe(0);

      await artifacts.putChunks(
        stranger.organizationId,
        [{ checksum: sha1(a), data: a }],
        at('2026-01-01T00:00:00Z'),
      );
      await artifacts.deleteChunks(project.organizationId, [sha1(a), sha1(a), sha1('never stored')]);
      expect(await artifacts.findMissingChunks(project.organizationId, [sha1(a), sha1(b)])).toEqual([
        sha1(a),
      ]);
      expect(await artifacts.findMissingChunks(stranger.organizationId, [sha1(a)])).toEqual([]);
    });

    it('stores a bundle once and finds its files by debug id, only for its projects', async () => {
      const project = await createTestProject(storage());
      const other = await secondProject(storage(), project);
      const debugId = '7e8be53c-1f6d-5bde-a2df-21a9a022d0b9';
      const write: ArtifactBundleWrite = {
        organizationId: project.organizationId,
        checksum: sha1(unique('zip')),
        bundleId: 'bundle-1',
        release: null,
        dist: null,
        projectIds: [project.id],
        files: [
          fileWrite('bundle.js', {
            type: 'minified_source',
            debugId,
            headers: { sourcemap: 'bundle.js.map' },
          }),
          fileWrite('bundle.js.map', { type: 'source_map', debugId }),
        ],
        createdAt: at('2026-01-01T00:00:00Z'),
      };
      const stored = await storage().artifacts.storeBundle(write);
      expect(stored).toMatchObject({ bundleId: 'bundle-1', fileCount: 2, release: null, dist: null });
      expect((await storage().artifacts.storeBundle(write)).id).toBe(stored.id);
      expect(
        (await storage().artifacts.getBundleByChecksum(project.organizationId, write.checksum))?.id,
      ).toBe(stored.id);
      const maps = await storage().artifacts.findByDebugId(project.id, debugId.toUpperCase(), ['source_map']);
      expect(maps).toHaveLength(1);
      expect(maps[0]).toMatchObject({ url: '~/bundle.js.map', type: 'source_map', debugId });
      expect(text(maps[0]?.content ?? new Uint8Array())).toBe('bundle.js.map');
      const both = await storage().artifacts.findByDebugId(project.id, debugId, [
        'source_map',
        'minified_source',
      ]);
      expect(both.map((f) => f.type).sort()).toEqual(['minified_source', 'source_map']);
      expect(both.find((f) => f.type === 'minified_source')?.headers).toEqual({ sourcemap: 'bundle.js.map' });
      expect(await storage().artifacts.findByDebugId(other.id, debugId, ['source_map'])).toEqual([]);
      expect(await storage().artifacts.projectHasArtifacts(project.id)).toBe(true);
      expect(await storage().artifacts.projectHasArtifacts(other.id)).toBe(false);

      await storage().artifacts.linkBundleProjects(stored.id, [other.id, project.id]);
      await storage().artifacts.linkBundleProjects(stored.id, [other.id]);
      expect(await storage().artifacts.findByDebugId(other.id, debugId, ['source_map'])).toHaveLength(1);
      expect(await storage().artifacts.projectHasArtifacts(other.id)).toBe(true);
      const third = await secondProject(storage(), project);
      expect((await storage().artifacts.storeBundle({ ...write, projectIds: [third.id] })).id).toBe(
        stored.id,
      );
      expect(await storage().artifacts.findByDebugId(third.id, debugId, ['source_map'])).toHaveLength(1);
      expect(await storage().artifacts.findByDebugId(project.id, debugId, ['source_map'])).toHaveLength(1);
    });

    it('finds bundle files and release files by release, dist and URL', async () => {
      const project = await createTestProject(storage());
      await storage().artifacts.storeBundle({
        organizationId: project.organizationId,
        checksum: sha1(unique('zip')),
        bundleId: 'b',
        release: '2.0.0',
        dist: 'web',
        projectIds: [project.id],
        files: [fileWrite('static/app.js', { type: 'minified_source' })],
        createdAt: at('2026-01-01T00:00:00Z'),
      });
      const { release } = await storage().releases.ensureRelease({
        organizationId: project.organizationId,
        version: '2.0.0',
        projectIds: [project.id],
        createdAt: at('2026-01-01T00:00:00Z'),
      });
      const put = (name: string) =>
        storage().artifacts.putReleaseFile({
          organizationId: project.organizationId,
          releaseId: release.id,
          dist: 'web',
          name,
          headers: { 'content-type': 'application/json' },
          content: bytes(`release ${name}`),
          createdAt: at('2026-01-01T00:00:00Z'),
        });
      const first = await put('~/static/app.js.map');
      expect(first.created).toBe(true);
      expect(first.file).toMatchObject({ name: '~/static/app.js.map', dist: 'web', size: 27 });
      expect(first.file.sha1).toBe(sha1('release ~/static/app.js.map'));
      expect((await put('~/static/app.js.map')).created).toBe(false);
      const replacement = {
        organizationId: project.organizationId,
        releaseId: release.id,
        dist: 'web',
        name: '~/static/app.js.map',
        headers: { sourcemap: 'x' },
        content: bytes('replaced'),
        createdAt: at('2026-01-02T00:00:00Z'),
      };
      const kept = await storage().artifacts.putReleaseFile(replacement);
      expect(kept).toMatchObject({ created: false, file: { sha1: first.file.sha1, size: 27 } });
      const replaced = await storage().artifacts.putReleaseFile(replacement, { replace: true });
      expect(replaced.created).toBe(false);
      expect(replaced.file).toMatchObject({ id: first.file.id, size: 8, sha1: sha1('replaced') });
      expect(replaced.file.headers).toEqual({ sourcemap: 'x' });
      expect((await storage().artifacts.putReleaseFile(replacement)).file.sha1).toBe(sha1('replaced'));
      expect((await storage().artifacts.listReleaseFiles(release.id)).map((f) => f.name)).toEqual([
        '~/static/app.js.map',
      ]);
      const query = { projectId: project.id, release: '2.0.0', dist: 'web' };
      const found = await storage().artifacts.findByUrl({
        ...query,
        urls: ['http://x/static/app.js', '~/static/app.js', '~/static/app.js.map'],
      });
      expect(found.map((f) => [f.url, f.type])).toEqual([
        ['~/static/app.js', 'minified_source'],
        ['~/static/app.js.map', null],
      ]);
      expect(found[1]?.key).toMatch(/^release:/);
      expect(
        await storage().artifacts.findByUrl({ ...query, dist: null, urls: ['~/static/app.js'] }),
      ).toEqual([]);
      expect(
        await storage().artifacts.findByUrl({ ...query, release: '1.0', urls: ['~/static/app.js'] }),
      ).toEqual([]);
    });
  });
}
