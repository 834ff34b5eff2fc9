/**
 * Ripgrep-style globs for the built-in search: `*` within a segment, `**` across segments, `?`, `[abc]`,
 * `{a,b}`. A glob without `/` matches the file name at any depth; one with `/` matches the whole path.
 */
export class GlobMatcher {
  private readonly matchers: { regex: RegExp; basename: boolean }[];

  constructor(globs: readonly string[]) {
    this.matchers = globs.map((glob) => {
      const trimmed = glob.replace(/^\.?\//, '');
      return { regex: globToRegExp(trimmed), basename: !trimmed.includes('/') };
    });
  }

  get empty(): boolean {
    return this.matchers.length === 0;
  }

  matches(relativePath: string): boolean {
    if (this.matchers.length === 0) return true;
    const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
    return this.matchers.some(({ regex, basename }) => regex.test(basename ? name : relativePath));
  }
}

export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '{') {
      const end = glob.indexOf('}', i);
      if (end === -1) out += '\\{';
      else {
        out += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map(escapeRegExp)
          .join('|')})`;
        i = end;
      }
    } else if (ch === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end === -1) out += '\\[';
      else {
        out += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else out += escapeRegExp(ch);
  }
  return new RegExp(`^${out}$`);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
