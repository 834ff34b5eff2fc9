import { ARTIFACT_FILE_TYPES } from '@fixloop/core';
import type { ArtifactFileType } from '@fixloop/core';
import { normalizeDebugId } from './debug-id.ts';

export interface ManifestEntry {
  /** Path of the file inside the zip. */
  path: string;
  url: string;
  type: ArtifactFileType;
  /** Header names lower-cased (sentry-cli writes `debug-id` and `Sourcemap` alike). */
  headers: Record<string, string>;
  debugId: string | null;
}

export interface ArtifactManifest {
  files: ManifestEntry[];
  /** The bundle's own id (`debug_id`), not a file's. */
  bundleId: string | null;
  org: string | null;
  release: string | null;
  dist: string | null;
}

export type ManifestResult = { ok: true; manifest: ArtifactManifest } | { ok: false; error: string };

const DEBUG_ID_HEADERS = ['debug-id', 'debug_id', 'debugid'];

/**
 * Reads an artifact bundle's `manifest.json` (Sentry's ArtifactBundleArchive): files keyed by zip
 * path with `url`, `type` and case-insensitive `headers`. Entries without a URL or of an unknown type
 * are skipped rather than failing the whole bundle.
 */
export function parseArtifactManifest(json: unknown): ManifestResult {
  if (!isRecord(json)) return { ok: false, error: 'manifest.json is not a JSON object' };
  const files = json['files'];
  if (files !== undefined && !isRecord(files))
    return { ok: false, error: 'manifest.json "files" is not an object' };
  const entries: ManifestEntry[] = [];
  for (const [path, info] of Object.entries(files ?? {})) {
    const entry = manifestEntry(path, info);
    if (entry !== null) entries.push(entry);
  }
  return {
    ok: true,
    manifest: {
      files: entries,
      bundleId: normalizeDebugId(json['debug_id']) ?? stringOrNull(json['debug_id']),
      org: stringOrNull(json['org']),
      release: stringOrNull(json['release']),
      dist: stringOrNull(json['dist']),
    },
  };
}

function manifestEntry(path: string, info: unknown): ManifestEntry | null {
  if (!isRecord(info)) return null;
  const url = stringOrNull(info['url']);
  if (url === null) return null;
  // Release-file zips of older sentry-cli versions carry no type; the URL tells maps apart.
  const type =
    info['type'] === undefined
      ? url.endsWith('.map')
        ? 'source_map'
        : 'minified_source'
      : ARTIFACT_FILE_TYPES.find((t) => t === info['type']);
  if (type === undefined) return null;
  const headers = lowerCaseHeaders(info['headers']);
  const headerDebugId = DEBUG_ID_HEADERS.map((name) => headers[name]).find((v) => v !== undefined);
  return { path, url, type, headers, debugId: normalizeDebugId(headerDebugId) };
}

export function lowerCaseHeaders(value: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!isRecord(value)) return headers;
  for (const [name, headerValue] of Object.entries(value)) {
    if (typeof headerValue === 'string') headers[name.toLowerCase()] = headerValue;
  }
  return headers;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
