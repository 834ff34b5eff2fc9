export interface SuffixMatch {
  path: string;
  /** How many trailing path segments agree (1 = file name only). */
  matchedSegments: number;
  /** Other repository files that matched equally well. */
  ties: string[];
}

/**
 * Repository files indexed by file name, answering "which file shares the longest path suffix with this
 * runtime path". Ties prefer files under the preferred folder (a monorepo root), then shorter paths.
 */
export class PathSuffixIndex {
  private readonly byName = new Map<string, string[][]>();

  constructor(
    files: readonly string[],
    private readonly preferredRoot = '',
  ) {
    for (const file of files) {
      const segments = file.split('/');
      const name = segments[segments.length - 1] as string;
      const list = this.byName.get(name);
      if (list) list.push(segments);
      else this.byName.set(name, [segments]);
    }
  }

  has(path: string): boolean {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return this.byName.get(name)?.some((segments) => segments.join('/') === path) ?? false;
  }

  longestSuffix(segments: readonly string[]): SuffixMatch | null {
    const name = segments[segments.length - 1];
    const candidates = name === undefined ? undefined : this.byName.get(name);
    if (!candidates) return null;
    let best = 0;
    let winners: string[][] = [];
    for (const candidate of candidates) {
      const count = sharedSuffix(candidate, segments);
      if (count > best) [best, winners] = [count, [candidate]];
      else if (count === best) winners.push(candidate);
    }
    const ranked = winners.map((w) => w.join('/')).sort((a, b) => this.compare(a, b));
    const [path, ...ties] = ranked;
    return path === undefined ? null : { path, matchedSegments: best, ties };
  }

  private compare(a: string, b: string): number {
    const root = this.preferredRoot ? `${this.preferredRoot}/` : '';
    const inA = root !== '' && a.startsWith(root) ? 0 : 1;
    const inB = root !== '' && b.startsWith(root) ? 0 : 1;
    return inA - inB || a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0);
  }
}

function sharedSuffix(a: readonly string[], b: readonly string[]): number {
  let count = 0;
  while (count < a.length && count < b.length && a[a.length - 1 - count] === b[b.length - 1 - count]) count++;
  return count;
}
