import type {
  ArtifactBundleSummary,
  ArtifactBundleWrite,
  ArtifactFile,
  ArtifactFileType,
  ReleaseFileSummary,
  ReleaseFileWrite,
} from '../releases/artifact-file.ts';

/** Upload chunks not assembled this long after they were stored belong to uploads that never finished. */
export const STALE_CHUNK_MS = 24 * 60 * 60 * 1000;

export interface ChunkWrite {
  /** Lower-case sha1 hex of `data`, verified by the caller. */
  checksum: string;
  data: Uint8Array;
}

export interface ArtifactUrlQuery {
  projectId: number;
  release: string;
  dist: string | null;
  /** Candidate names in order of preference (see the URL rules in @fixloop/sourcemaps). */
  urls: string[];
}

/**
 * sentry-cli's uploads: the chunk store (sha1-addressed, per organization so one tenant cannot learn
 * or reuse another's chunks), assembled artifact bundles indexed by debug id and by release + URL,
 * and legacy release files. Lookups are per project: a bundle serves the projects it was uploaded for.
 */
export interface ArtifactStore {
  /** Idempotent: a chunk already stored is kept. */
  putChunks(organizationId: number, chunks: ChunkWrite[], at: Date): Promise<void>;
  /** The checksums not stored yet, in the given order, without duplicates. */
  findMissingChunks(organizationId: number, checksums: string[]): Promise<string[]>;
  readChunks(organizationId: number, checksums: string[]): Promise<Map<string, Uint8Array>>;
  /** Drops chunks once their file is assembled and stored, so uploads are not kept twice. */
  deleteChunks(organizationId: number, checksums: string[]): Promise<void>;
  /**
   * Drops chunks stored before `before` (uploads that were never assembled; see STALE_CHUNK_MS); returns
   * how many.
   */
  deleteChunksBefore(organizationId: number, before: Date): Promise<number>;
  getBundleByChecksum(organizationId: number, checksum: string): Promise<ArtifactBundleSummary | null>;
  /**
   * Idempotent on (organization, checksum): a second store returns the first bundle, linked to the
   * second write's projects too.
   */
  storeBundle(write: ArtifactBundleWrite): Promise<ArtifactBundleSummary>;
  /** Makes a stored bundle serve these projects as well (idempotent). */
  linkBundleProjects(bundleId: number, projectIds: number[]): Promise<void>;
  /** Files carrying this debug id in bundles of the project, newest bundle first. */
  findByDebugId(projectId: number, debugId: string, types: ArtifactFileType[]): Promise<ArtifactFile[]>;
  /** Bundle files and release files of the release (and dist) named by one of `urls`. */
  findByUrl(query: ArtifactUrlQuery): Promise<ArtifactFile[]>;
  /**
   * A second file with the same release, dist and name reports `created: false` and is kept as it
   * was, unless `replace` (a re-assembled release zip replaces its files, as in Sentry).
   */
  putReleaseFile(
    write: ReleaseFileWrite,
    options?: { replace?: boolean },
  ): Promise<{ file: ReleaseFileSummary; created: boolean }>;
  listReleaseFiles(releaseId: number): Promise<ReleaseFileSummary[]>;
  /** Whether any bundle or release file could serve the project (cheap; ingest asks it). */
  projectHasArtifacts(projectId: number): Promise<boolean>;
}
