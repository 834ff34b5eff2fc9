/** The kinds of file an artifact bundle manifest or a release file declares (Sentry's names). */
export type ArtifactFileType = 'minified_source' | 'source_map' | 'source' | 'indexed_ram_bundle';

export const ARTIFACT_FILE_TYPES: readonly ArtifactFileType[] = [
  'minified_source',
  'source_map',
  'source',
  'indexed_ram_bundle',
];

/** One file to store from an artifact bundle. Header names are lower-cased. */
export interface ArtifactFileWrite {
  /** Path inside the zip. */
  path: string;
  /** `~/static/app.js` or an absolute URL. */
  url: string;
  type: ArtifactFileType;
  debugId: string | null;
  headers: Record<string, string>;
  content: Uint8Array;
}

export interface ArtifactBundleWrite {
  organizationId: number;
  /** sha1 of the whole zip, as sentry-cli names it in assemble. */
  checksum: string;
  /** The manifest's `debug_id` (bundle id), else the checksum. */
  bundleId: string;
  release: string | null;
  dist: string | null;
  projectIds: number[];
  files: ArtifactFileWrite[];
  createdAt: Date;
}

export interface ArtifactBundleSummary {
  id: number;
  organizationId: number;
  checksum: string;
  bundleId: string;
  release: string | null;
  dist: string | null;
  fileCount: number;
  createdAt: Date;
}

/** A file found for symbolication, from an artifact bundle or from a legacy release file. */
export interface ArtifactFile {
  /** Stable across reads: `bundle:<id>` or `release:<id>`, the key of parsed-map caches. */
  key: string;
  url: string;
  type: ArtifactFileType | null;
  debugId: string | null;
  headers: Record<string, string>;
  content: Uint8Array;
}

/** A legacy release file (`releases/{version}/files/`). */
export interface ReleaseFileWrite {
  organizationId: number;
  releaseId: number;
  dist: string | null;
  /** The file's URL name, e.g. `~/static/app.js`. */
  name: string;
  headers: Record<string, string>;
  content: Uint8Array;
  createdAt: Date;
}

export interface ReleaseFileSummary {
  id: number;
  releaseId: number;
  name: string;
  dist: string | null;
  headers: Record<string, string>;
  size: number;
  sha1: string;
  createdAt: Date;
}
