/**
 * The path segments of a file as some runtime reported it, with everything that is not part of the
 * source tree removed: URL schemes and hosts (`webpack://`, `app://`, `file://`, `http://host`), the
 * `~/` URL-root marker, query strings and fragments, Windows drive letters and backslashes, `.`/`..`.
 */
export function runtimePathSegments(path: string): string[] {
  let rest = path
    .trim()
    .replace(/[?#].*$/s, '')
    .replace(/\\/g, '/');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/is.exec(rest);
  if (scheme) {
    const name = (scheme[1] ?? '').toLowerCase();
    rest = scheme[2] ?? '';
    // http(s) URLs carry a host; webpack:// may carry a namespace (`webpack://my-app/./src/x.ts`).
    if (name === 'http' || name === 'https' || (name === 'webpack' && !/^[./]/.test(rest))) {
      rest = rest.replace(/^[^/]*/, '');
    }
  }
  rest = rest.replace(/^~\//, '/').replace(/^\/?[a-zA-Z]:\//, '/');
  const segments: string[] = [];
  for (const raw of rest.split('/')) {
    if (raw === '' || raw === '.') continue;
    if (raw === '..') segments.pop();
    else segments.push(safeDecode(raw));
  }
  return segments;
}

/** A runtime path with only separators and query strings normalized, for prefix (stackRoot) matching. */
export function normalizeForPrefix(path: string): string {
  return path
    .trim()
    .replace(/[?#].*$/s, '')
    .replace(/\\/g, '/');
}

/** Joins and normalizes repository path parts (`src/`, `./cart.ts` → `src/cart.ts`). */
export function joinRepoPath(...parts: string[]): string {
  const segments: string[] = [];
  for (const part of parts) {
    for (const raw of part.replace(/\\/g, '/').split('/')) {
      if (raw === '' || raw === '.') continue;
      if (raw === '..') segments.pop();
      else segments.push(raw);
    }
  }
  return segments.join('/');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
