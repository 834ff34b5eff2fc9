/**
 * Sentry-style globs compiled to anchored regexes. Path-like globs (paths, packages) are
 * case-insensitive and `*`/`?` stop at `/` while `**` crosses it; other globs let `*` match anything.
 */
export interface Glob {
  test(value: string): boolean;
}

/** The longest wildcard-free run, used as a cheap `includes` pre-check before the regex. */
function requiredLiteral(pattern: string): string {
  let best = '';
  for (const part of pattern.split(/[*?[\]]/)) if (part.length > best.length) best = part;
  return best;
}

/**
 * Path-like globs expect values already passed through `normalizePath` (lowercase). Common shapes
 * (`literal`, `prefix**`, `**infix**`) skip the regex entirely: they run on every frame of every event.
 */
export function compileGlob(pattern: string, pathLike: boolean, ignoreCase = pathLike): Glob {
  const source = pathLike ? pattern.toLowerCase() : pattern;
  const lower = ignoreCase && !pathLike;
  const text = (value: string) => (lower ? value.toLowerCase() : value);
  const literal = lower ? source.toLowerCase() : source;
  if (!/[*?[]/.test(source)) return { test: (value) => text(value) === literal };
  const prefix = /^([^*?[]+)\*\*?$/.exec(literal);
  if (prefix && (!pathLike || literal.endsWith('**'))) {
    const head = prefix[1] as string;
    return { test: (value) => text(value).startsWith(head) };
  }
  const infix = /^\*\*([^*?[]+)\*\*$/.exec(literal);
  if (infix && pathLike) {
    const middle = infix[1] as string;
    return { test: (value) => value.includes(middle) };
  }
  const regex = globRegex(source, pathLike, ignoreCase);
  const required = requiredLiteral(literal);
  if (required.length < 3) return regex;
  return { test: (value) => text(value).includes(required) && regex.test(value) };
}

function globRegex(pattern: string, pathLike: boolean, ignoreCase: boolean): RegExp {
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
