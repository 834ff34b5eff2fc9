/**
 * Sentry-style globs compiled to anchored regexes. Path-like globs (paths, packages) are
 * case-insensitive and `*`/`?` stop at `/` while `**` crosses it; other globs let `*` match anything.
 */
export function compileGlob(pattern: string, pathLike: boolean, ignoreCase = pathLike): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '*') {
      if (pathLike && pattern[i + 1] === '*') {
        source += '.*';
        i++;
      } else {
        source += pathLike ? '[^/]*' : '.*';
      }
    } else if (char === '?') {
      source += pathLike ? '[^/]' : '.';
    } else if (char === '[') {
      const end = classEnd(pattern, i);
      if (end < 0) {
        source += '\\[';
      } else {
        let body = pattern.slice(i + 1, end);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        source += `[${body.replace(/[\\\]]/g, (c) => `\\${c}`)}]`;
        i = end;
      }
    } else {
      source += char.replace(/[.+^${}()|\\/\]-]/g, (c) => `\\${c}`);
    }
  }
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
}

function classEnd(pattern: string, start: number): number {
  let j = start + 1;
  if (pattern[j] === '!') j++;
  if (pattern[j] === ']') j++;
  const end = pattern.indexOf(']', j);
  return end;
}

/** Paths are matched lowercased with forward slashes (Sentry's path normalization). */
export function normalizePath(value: string): string {
  return value.replace(/\\/g, '/').toLowerCase();
}
