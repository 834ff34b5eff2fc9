import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type {
  ArtifactBundleSummary,
  ArtifactFile,
  ArtifactFileType,
  ArtifactStore,
  ReleaseFileSummary,
} from '@fixloop/core';
import { ARTIFACT_FILE_TYPES } from '@fixloop/core';
import type { ArtifactBundlesTable, Database, ReleaseFilesTable } from './database.ts';
import { isUniqueViolation } from './unique-violation.ts';

/** Chunk existence checks go in slices so a huge assemble never builds an oversized IN list. */
const IN_LIST_SLICE = 500;

export function createSqlArtifactStore(db: Kysely<Database>): ArtifactStore {
  return {
    async putChunks(organizationId, chunks, at) {
      if (chunks.length === 0) return;
      const rows = chunks.map((c) => ({
        organization_id: organizationId,
        checksum: c.checksum,
        size: c.data.byteLength,
        data: c.data,
        created_at: at.getTime(),
      }));
      await db
        .insertInto('artifact_chunks')
        .values(rows)
        .onConflict((oc) => oc.columns(['organization_id', 'checksum']).doNothing())
        .execute();
    },
    async findMissingChunks(organizationId, checksums) {
      const wanted = [...new Set(checksums)];
      const present = new Set<string>();
      for (let i = 0; i < wanted.length; i += IN_LIST_SLICE) {
        const rows = await db
          .selectFrom('artifact_chunks')
          .select('checksum')
          .where('organization_id', '=', organizationId)
          .where('checksum', 'in', wanted.slice(i, i + IN_LIST_SLICE))
          .execute();
        for (const row of rows) present.add(row.checksum);
      }
      return wanted.filter((c) => !present.has(c));
    },
    async readChunks(organizationId, checksums) {
      const found = new Map<string, Uint8Array>();
      const wanted = [...new Set(checksums)];
      for (let i = 0; i < wanted.length; i += IN_LIST_SLICE) {
        const rows = await db
          .selectFrom('artifact_chunks')
          .select(['checksum', 'data'])
          .where('organization_id', '=', organizationId)
          .where('checksum', 'in', wanted.slice(i, i + IN_LIST_SLICE))
          .execute();
        for (const row of rows) found.set(row.checksum, row.data);
      }
      return found;
    },
    async deleteChunks(organizationId, checksums) {
      const unique = [...new Set(checksums)];
      for (let i = 0; i < unique.length; i += IN_LIST_SLICE) {
        await db
          .deleteFrom('artifact_chunks')
          .where('organization_id', '=', organizationId)
          .where('checksum', 'in', unique.slice(i, i + IN_LIST_SLICE))
          .execute();
      }
    },
    async deleteChunksBefore(organizationId, before) {
      const result = await db
        .deleteFrom('artifact_chunks')
        .where('organization_id', '=', organizationId)
        .where('created_at', '<', before.getTime())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async getBundleByChecksum(organizationId, checksum) {
      const row = await bundleRow(db, organizationId, checksum);
      return row === undefined ? null : toBundle(row);
    },
    async storeBundle(write) {
      const existing = await bundleRow(db, write.organizationId, write.checksum);
      if (existing !== undefined) {
        await linkProjects(db, Number(existing.id), write.projectIds);
        return toBundle(existing);
      }
      try {
        return await db.transaction().execute(async (trx) => {
          const row = await trx
            .insertInto('artifact_bundles')
            .values({
              organization_id: write.organizationId,
              checksum: write.checksum,
              bundle_id: write.bundleId,
              release: write.release,
              dist: write.dist ?? '',
              file_count: write.files.length,
              created_at: write.createdAt.getTime(),
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          const bundleId = Number(row.id);
          await linkProjects(trx, bundleId, write.projectIds);
          for (const file of write.files) {
            await trx
              .insertInto('artifact_files')
              .values({
                bundle_id: bundleId,
                organization_id: write.organizationId,
                path: file.path,
                url: file.url,
                type: file.type,
                debug_id: file.debugId,
                release: write.release,
                dist: write.dist ?? '',
                headers: JSON.stringify(file.headers),
                content: file.content,
                size: file.content.byteLength,
              })
              .execute();
          }
          return toBundle(row);
        });
      } catch (error) {
        // Two assembles of the same bundle at once: the first one stored it.
        const winner = isUniqueViolation(error)
          ? await bundleRow(db, write.organizationId, write.checksum)
          : undefined;
        if (winner === undefined) throw error;
        await linkProjects(db, Number(winner.id), write.projectIds);
        return toBundle(winner);
      }
    },
    async linkBundleProjects(bundleId, projectIds) {
      await linkProjects(db, bundleId, projectIds);
    },
    async findByDebugId(projectId, debugId, types) {
      if (types.length === 0) return [];
      const rows = await db
        .selectFrom('artifact_files as f')
        .innerJoin('artifact_bundle_projects as p', 'p.bundle_id', 'f.bundle_id')
        .select(['f.id', 'f.url', 'f.type', 'f.debug_id', 'f.headers', 'f.content'])
        .where('p.project_id', '=', projectId)
        .where('f.debug_id', '=', debugId.toLowerCase())
        .where('f.type', 'in', types)
        .orderBy('f.bundle_id', 'desc')
        .orderBy('f.id')
        .execute();
      return rows.map((r) => toArtifactFile(`bundle:${r.id}`, r));
    },
    async findByUrl({ projectId, release, dist, urls }) {
      if (urls.length === 0) return [];
      const bundleFiles = await db
        .selectFrom('artifact_files as f')
        .innerJoin('artifact_bundle_projects as p', 'p.bundle_id', 'f.bundle_id')
        .select(['f.id', 'f.url', 'f.type', 'f.debug_id', 'f.headers', 'f.content'])
        .where('p.project_id', '=', projectId)
        .where('f.release', '=', release)
        .where('f.dist', '=', dist ?? '')
        .where('f.url', 'in', urls)
        .orderBy('f.bundle_id', 'desc')
        .orderBy('f.id')
        .execute();
      const releaseFiles = await db
        .selectFrom('release_files as f')
        .innerJoin('releases as r', 'r.id', 'f.release_id')
        .innerJoin('release_projects as p', 'p.release_id', 'r.id')
        .select(['f.id', 'f.name', 'f.headers', 'f.content'])
        .where('p.project_id', '=', projectId)
        .where('r.version', '=', release)
        .where('f.dist', '=', dist ?? '')
        .where('f.name', 'in', urls)
        .orderBy('f.id', 'desc')
        .execute();
      return [
        ...bundleFiles.map((r) => toArtifactFile(`bundle:${r.id}`, r)),
        ...releaseFiles.map((r) =>
          toArtifactFile(`release:${r.id}`, { ...r, url: r.name, type: null, debug_id: null }),
        ),
      ];
    },
    async putReleaseFile(write, options = {}) {
      const values = {
        release_id: write.releaseId,
        organization_id: write.organizationId,
        dist: write.dist ?? '',
        name: write.name,
        headers: JSON.stringify(write.headers),
        content: write.content,
        size: write.content.byteLength,
        sha1: createHash('sha1').update(write.content).digest('hex'),
        created_at: write.createdAt.getTime(),
      };
      try {
        const row = await db
          .insertInto('release_files')
          .values(values)
          .returningAll()
          .executeTakeFirstOrThrow();
        return { file: toReleaseFile(row), created: true };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const same = db
          .selectFrom('release_files')
          .selectAll()
          .where('release_id', '=', write.releaseId)
          .where('dist', '=', values.dist)
          .where('name', '=', write.name);
        if (options.replace === true) {
          const { headers, content, size, sha1, created_at } = values;
          await db
            .updateTable('release_files')
            .set({ headers, content, size, sha1, created_at })
            .where('release_id', '=', write.releaseId)
            .where('dist', '=', values.dist)
            .where('name', '=', write.name)
            .execute();
        }
        return { file: toReleaseFile(await same.executeTakeFirstOrThrow()), created: false };
      }
    },
    async listReleaseFiles(releaseId) {
      const rows = await db
        .selectFrom('release_files')
        .selectAll()
        .where('release_id', '=', releaseId)
        .orderBy('name')
        .orderBy('id')
        .execute();
      return rows.map(toReleaseFile);
    },
    async projectHasArtifacts(projectId) {
      const bundle = await db
        .selectFrom('artifact_bundle_projects')
        .select('bundle_id')
        .where('project_id', '=', projectId)
        .limit(1)
        .executeTakeFirst();
      if (bundle !== undefined) return true;
      const file = await db
        .selectFrom('release_files as f')
        .innerJoin('release_projects as p', 'p.release_id', 'f.release_id')
        .select('f.id')
        .where('p.project_id', '=', projectId)
        .limit(1)
        .executeTakeFirst();
      return file !== undefined;
    },
  };
}

async function linkProjects(db: Kysely<Database>, bundleId: number, projectIds: number[]): Promise<void> {
  const projects = [...new Set(projectIds)];
  if (projects.length === 0) return;
  await db
    .insertInto('artifact_bundle_projects')
    .values(projects.map((projectId) => ({ bundle_id: bundleId, project_id: projectId })))
    .onConflict((oc) => oc.columns(['bundle_id', 'project_id']).doNothing())
    .execute();
}

function bundleRow(db: Kysely<Database>, organizationId: number, checksum: string) {
  return db
    .selectFrom('artifact_bundles')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('checksum', '=', checksum)
    .executeTakeFirst();
}

function toBundle(row: Selectable<ArtifactBundlesTable>): ArtifactBundleSummary {
  return {
    id: Number(row.id),
    organizationId: Number(row.organization_id),
    checksum: row.checksum,
    bundleId: row.bundle_id,
    release: row.release,
    dist: row.dist === '' ? null : row.dist,
    fileCount: Number(row.file_count),
    createdAt: new Date(Number(row.created_at)),
  };
}

function toReleaseFile(row: Selectable<ReleaseFilesTable>): ReleaseFileSummary {
  return {
    id: Number(row.id),
    releaseId: Number(row.release_id),
    name: row.name,
    dist: row.dist === '' ? null : row.dist,
    headers: JSON.parse(row.headers) as Record<string, string>,
    size: Number(row.size),
    sha1: row.sha1,
    createdAt: new Date(Number(row.created_at)),
  };
}

interface FileRow {
  url: string;
  type: string | null;
  debug_id: string | null;
  headers: string;
  content: Uint8Array;
}

function toArtifactFile(key: string, row: FileRow): ArtifactFile {
  const type = ARTIFACT_FILE_TYPES.find((t) => t === row.type) ?? null;
  return {
    key,
    url: row.url,
    type: type satisfies ArtifactFileType | null,
    debugId: row.debug_id,
    headers: JSON.parse(row.headers) as Record<string, string>,
    content: row.content,
  };
}
