import type { ArtifactFile, ArtifactStore } from '@fixloop/core';
import { ParsedSourceMap } from './parsed-source-map.ts';
import { candidateUrls, resolveUrl } from './release-file-urls.ts';
import type { SourceMapCache } from './source-map-cache.ts';
import { decodeDataUrl, sourceMapReference } from './source-map-reference.ts';

/** The two lookups symbolication needs from storage. */
export type ArtifactLookup = Pick<ArtifactStore, 'findByDebugId' | 'findByUrl'>;

export type ResolvedWith = 'debug-id' | 'release';

/**
 * Release files and release bundles can be replaced under the same release and URL (a rebuilt
 * version uploaded again); a debug id names fixed content. So release lookups are redone this often.
 */
export const RELEASE_MAP_TTL_MS = 60_000;

const decoder = new TextDecoder();
const text = (file: ArtifactFile | undefined): string | null =>
  file === undefined ? null : decoder.decode(file.content);

/**
 * Finds and parses the source map for a minified file: by debug id (the artifact-bundle index),
 * or by release (+ dist) and the file's URL with Sentry's `~/` rules, following the minified file's
 * `Sourcemap` header or `sourceMappingURL` comment. Results are cached per project.
 */
export class SourceMapResolver {
  constructor(
    private readonly artifacts: ArtifactLookup,
    private readonly cache: SourceMapCache,
  ) {}

  byDebugId(projectId: number, debugId: string): Promise<ParsedSourceMap | null> {
    return this.cache.get(`debug:${projectId}:${debugId}`, async () => {
      const files = await this.artifacts.findByDebugId(projectId, debugId, ['source_map', 'minified_source']);
      const map = files.find((f) => f.type === 'source_map');
      if (map === undefined) return null;
      const minified = files.find((f) => f.type === 'minified_source');
      return ParsedSourceMap.parse(text(map) ?? '', text(minified), map.url);
    });
  }

  byRelease(
    projectId: number,
    release: string,
    dist: string | null,
    absPath: string,
  ): Promise<ParsedSourceMap | null> {
    const key = `release:${projectId}:${release}:${dist ?? ''}:${absPath}`;
    return this.cache.get(
      key,
      () => this.loadByRelease({ projectId, release, dist }, absPath),
      RELEASE_MAP_TTL_MS,
    );
  }

  private async loadByRelease(scope: ReleaseScope, absPath: string): Promise<ParsedSourceMap | null> {
    const urls = candidateUrls(absPath);
    const minified = pickBest(
      (await this.artifacts.findByUrl({ ...scope, urls })).filter((f) => f.type !== 'source_map'),
      urls,
    );
    const minifiedText = text(minified);
    const reference = minified === undefined ? null : sourceMapReference(minified.headers, minifiedText);
    if (minified !== undefined && reference !== null) {
      const inline = decodeDataUrl(reference);
      if (inline !== null) return ParsedSourceMap.parse(inline, minifiedText, minified.url);
      const mapUrl = resolveUrl(minified.url, reference);
      const map = await this.findMap(scope, candidateUrls(mapUrl));
      return map === undefined ? null : ParsedSourceMap.parse(text(map) ?? '', minifiedText, map.url);
    }
    // No minified file or no reference: sentry-cli's default layout puts the map beside it.
    const map = await this.findMap(
      scope,
      urls.map((url) => `${url}.map`),
    );
    return map === undefined ? null : ParsedSourceMap.parse(text(map) ?? '', minifiedText, map.url);
  }

  private async findMap(scope: ReleaseScope, urls: string[]): Promise<ArtifactFile | undefined> {
    const files = await this.artifacts.findByUrl({ ...scope, urls });
    return pickBest(
      files.filter((f) => f.type === 'source_map' || f.type === null),
      urls,
    );
  }
}

interface ReleaseScope {
  projectId: number;
  release: string;
  dist: string | null;
}

/** The file whose URL comes first among the candidates (the store returns newest first per URL). */
function pickBest(files: ArtifactFile[], urls: string[]): ArtifactFile | undefined {
  for (const url of urls) {
    const file = files.find((f) => f.url === url);
    if (file !== undefined) return file;
  }
  return undefined;
}
