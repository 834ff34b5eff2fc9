import type { ArtifactBundleSummary, Organization, Project, Storage } from '@fixloop/core';
import { assembleChunks, readArtifactBundle } from '@fixloop/sourcemaps';
import type { ArtifactBundle } from '@fixloop/sourcemaps';

export type AssembleState = 'ok' | 'created' | 'assembling' | 'not_found' | 'error';

/** What sentry-cli polls: `missingChunks` must be real, or the CLI skips uploading them. */
export interface AssembleResponse {
  state: AssembleState;
  missingChunks: string[];
  detail: string | null;
}

export interface AssembleRequest {
  organization: Organization;
  checksum: string;
  chunks: string[];
  maxFileSize: number;
  now: Date;
}

const error = (detail: string): AssembleResponse => ({ state: 'error', missingChunks: [], detail });

/**
 * Reassembles a zip from stored chunks and opens it as an artifact bundle. `not_found` lists the
 * chunks still to upload; the zip is only built once all are there.
 */
export async function assembleUploadedZip(
  storage: Storage,
  request: AssembleRequest,
): Promise<{ done: true; bundle: ArtifactBundle } | { done: false; response: AssembleResponse }> {
  const { organization, checksum, chunks } = request;
  const missing = await storage.artifacts.findMissingChunks(organization.id, chunks);
  if (missing.length > 0)
    return { done: false, response: { state: 'not_found', missingChunks: missing, detail: null } };
  const stored = await storage.artifacts.readChunks(organization.id, chunks);
  const size = [...stored.values()].reduce((sum, chunk) => sum + chunk.byteLength, 0);
  if (size > request.maxFileSize) return { done: false, response: error('File too large') };
  const zip = assembleChunks(chunks, stored, checksum);
  if (!zip.ok) {
    return {
      done: false,
      response:
        'error' in zip ? error(zip.error) : { state: 'not_found', missingChunks: zip.missing, detail: null },
    };
  }
  const bundle = readArtifactBundle(zip.data);
  if (!bundle.ok) return { done: false, response: error(bundle.error) };
  return { done: true, bundle: bundle.bundle };
}

/** Stores an assembled artifact bundle for its projects; a bundle naming a release makes it exist. */
export async function storeArtifactBundle(
  storage: Storage,
  request: AssembleRequest & { projects: Project[]; version: string | null; dist: string | null },
  bundle: ArtifactBundle,
): Promise<AssembleResponse> {
  const release = request.version ?? bundle.manifest.release;
  const dist = request.dist ?? bundle.manifest.dist;
  const projectIds = request.projects.map((p) => p.id);
  await storage.artifacts.storeBundle({
    organizationId: request.organization.id,
    checksum: request.checksum,
    bundleId: bundle.manifest.bundleId ?? request.checksum,
    release,
    dist,
    projectIds,
    files: bundle.files,
    createdAt: request.now,
  });
  if (release !== null) {
    await storage.releases.ensureRelease({
      organizationId: request.organization.id,
      version: release,
      projectIds,
      createdAt: request.now,
    });
  }
  return { state: 'ok', missingChunks: [], detail: null };
}

/**
 * A bundle already stored (same zip checksum) assembled again, possibly for other projects: the
 * chunks need no second look, but the new projects must be served by it and see its release.
 */
export async function linkStoredBundle(
  storage: Storage,
  bundle: ArtifactBundleSummary,
  projects: Project[],
  now: Date,
): Promise<AssembleResponse> {
  const projectIds = projects.map((p) => p.id);
  await storage.artifacts.linkBundleProjects(bundle.id, projectIds);
  if (bundle.release !== null) {
    await storage.releases.ensureRelease({
      organizationId: bundle.organizationId,
      version: bundle.release,
      projectIds,
      createdAt: now,
    });
  }
  return { state: 'ok', missingChunks: [], detail: null };
}
