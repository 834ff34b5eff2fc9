import { posix } from 'node:path';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const WINDOWS_PATH = /^[a-z]:[\\/]/i;
const TILDE_BASE = 'http://tilde.invalid';

function hasScheme(value: string): boolean {
  return SCHEME.test(value) && !WINDOWS_PATH.test(value);
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/**
 * The release-file names a frame URL may have been uploaded under, best first — Sentry's
 * `ReleaseFile.normalize` rules: the URL without its fragment, then without its query, then the
 * same two as `~/path` (host-less, what `sentry-cli --url-prefix '~/…'` writes). Node file paths
 * (`/app/dist/x.js`) also match `~/app/dist/x.js`.
 */
export function candidateUrls(absPath: string): string[] {
  const url = withoutFragment(absPath.trim());
  if (url === '') return [];
  const candidates: string[] = [url];
  const queryAt = url.indexOf('?');
  const noQuery = queryAt === -1 ? url : url.slice(0, queryAt);
  if (noQuery !== url) candidates.push(noQuery);
  if (url.startsWith('~/')) return candidates;
  if (hasScheme(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return candidates;
    }
    if (parsed.pathname === '' || parsed.pathname === '/') return candidates;
    candidates.push(`~${parsed.pathname}${parsed.search}`);
    if (parsed.search !== '') candidates.push(`~${parsed.pathname}`);
  } else if (!WINDOWS_PATH.test(url)) {
    const path = url.startsWith('/') ? url : `/${url}`;
    candidates.push(`~${path}`);
    if (noQuery !== url) candidates.push(`~${noQuery.startsWith('/') ? noQuery : `/${noQuery}`}`);
  }
  return [...new Set(candidates)];
}

/**
 * Resolves `reference` (a `sourceMappingURL`, a `Sourcemap` header or a map's `sources` entry)
 * against the URL or path of the file that names it. `~/` URLs stay `~/` URLs.
 */
export function resolveUrl(base: string, reference: string): string {
  if (reference.startsWith('~/') || hasScheme(reference)) return reference;
  if (base.startsWith('~/')) {
    const resolved = new URL(reference, `${TILDE_BASE}${base.slice(1)}`);
    return `~${resolved.pathname}${resolved.search}`;
  }
  if (hasScheme(base)) {
    try {
      return new URL(reference, base).toString();
    } catch {
      return reference;
    }
  }
  const baseDir = posix.dirname(base.replace(/\\/g, '/'));
  return reference.startsWith('/') ? posix.normalize(reference) : posix.join(baseDir, reference);
}

/**
 * The short name Sentry shows for an original source: the path of a URL (`webpack://app/./src/a.ts`
 * -> `./src/a.ts`, `~/src/a.ts` -> `/src/a.ts`), a file path as it is.
 */
export function displayFilename(url: string): string {
  if (url.startsWith('~/')) return url.slice(1);
  if (!hasScheme(url)) return url;
  if (url.startsWith('webpack://')) {
    // `webpack://<namespace>/./src/a.ts`: the URL parser would drop the meaningful `./`.
    const rest = url.slice('webpack://'.length);
    const path = rest.slice(Math.max(0, rest.indexOf('/')));
    return path.startsWith('/.') ? path.slice(1) : path;
  }
  try {
    const parsed = new URL(url);
    const path = decodeURIComponent(parsed.pathname);
    return path === '' ? url : path;
  } catch {
    return url;
  }
}
