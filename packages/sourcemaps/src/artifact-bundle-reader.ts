import { unzipSync } from 'fflate';
import type { ArtifactFileWrite } from '@fixloop/core';
import { parseArtifactManifest } from './artifact-manifest.ts';
import type { ArtifactManifest } from './artifact-manifest.ts';

export interface ArtifactBundle {
  manifest: ArtifactManifest;
  files: ArtifactFileWrite[];
}

export type BundleResult = { ok: true; bundle: ArtifactBundle } | { ok: false; error: string };

export interface BundleLimits {
  /** Most uncompressed bytes the zip may expand to (a zip bomb stops here). */
  maxUncompressedBytes: number;
  maxFiles: number;
}

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxFiles: 20_000,
};

/**
 * Opens an artifact bundle zip and pairs each manifest entry with its bytes. Only the manifest and
 * the files it names are extracted, and the declared sizes are checked before anything inflates.
 */
export function readArtifactBundle(
  zip: Uint8Array,
  limits: BundleLimits = DEFAULT_BUNDLE_LIMITS,
): BundleResult {
  let declared = 0;
  let count = 0;
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(zip, {
      filter: (file) => {
        declared += file.originalSize;
        count += 1;
        return !file.name.endsWith('/');
      },
    });
  } catch (error) {
    return { ok: false, error: `artifact bundle is not a valid zip: ${(error as Error).message}` };
  }
  if (count > limits.maxFiles) return { ok: false, error: 'artifact bundle has too many files' };
  const actual = Object.values(unzipped).reduce((sum, data) => sum + data.byteLength, 0);
  if (Math.max(declared, actual) > limits.maxUncompressedBytes) {
    return { ok: false, error: 'artifact bundle is too large once uncompressed' };
  }
  const manifestBytes = unzipped['manifest.json'];
  if (manifestBytes === undefined) return { ok: false, error: 'artifact bundle has no manifest.json' };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(manifestBytes));
  } catch {
    return { ok: false, error: 'manifest.json is not valid JSON' };
  }
  const parsed = parseArtifactManifest(json);
  if (!parsed.ok) return parsed;
  const files: ArtifactFileWrite[] = [];
  for (const entry of parsed.manifest.files) {
    const content = unzipped[entry.path];
    if (content === undefined) return { ok: false, error: `manifest names a missing file: ${entry.path}` };
    files.push({ ...entry, content });
  }
  return { ok: true, bundle: { manifest: parsed.manifest, files } };
}
