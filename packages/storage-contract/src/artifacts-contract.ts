import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ArtifactBundleWrite, ArtifactFileWrite, Project, Storage } from '@fixloop/core';
import { createTestProject, unique } from './contract-fixtures.ts';
import { useStorage } from './storage-contract-context.ts';
import type { StorageSetup } from './storage-contract-context.ts';

const at = (iso: string) => new Date(iso);
const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);
const sha1 = (data: Uint8Array | string) => createHash('sha1').update(data).digest('hex');

export async function secondProject(storage: Storage, project: Project): Promise<Project> {
  return storage.projects.createProject({
    organizationId: project.organizationId,
    slug: unique('proj'),
    name: 'Second',
    platform: 'javascript',
    settings: project.settings,
  });
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

/** sentry-cli uploads: the chunk store, artifact bundles and legacy release files. */
export function describeArtifactsContract(setup: StorageSetup): void {
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

      const c = bytes('chunk c');
      await artifacts.putChunks(
        project.organizationId,
        [{ checksum: sha1(c), data: c }],
        at('2026-01-03T00:00:00Z'),
      );
      expect(await artifacts.deleteChunksBefore(project.organizationId, at('2026-01-02T00:00:00Z'))).toBe(1);
      expect(await artifacts.findMissingChunks(project.organizationId, [sha1(b), sha1(c)])).toEqual([
        sha1(b),
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
