import type { CodeMapping } from '@fixloop/core';
import { PathSuffixIndex } from './path-suffix-index.ts';
import { isPythonFrame, pythonModulePaths } from './python-module-path.ts';
import { joinRepoPath, normalizeForPrefix, runtimePathSegments } from './runtime-path.ts';

export type MappingRule = 'explicit' | 'python-module' | 'path-suffix';

export interface FrameMapping {
  repoPath: string;
  rule: MappingRule;
  /** Human-readable account of the rule, e.g. "code mapping /app/ → services/shop/". */
  detail: string;
  /** The runtime path (or module) that was mapped. */
  from: string;
  /** For path-suffix: trailing segments that agreed; ties are other equally good files. */
  matchedSegments?: number;
  ties?: string[];
}

/** What the mapper needs from a stack frame: its source paths (best first), module and platform. */
export interface MappableFrame {
  paths: readonly string[];
  module?: string | null;
  platform?: string | null;
}

/**
 * Maps a frame's runtime location to a file of the repository: configured code mappings first (longest
 * stackRoot wins), then, for Python, the dotted module path, then the repository file sharing the
 * longest path suffix. A mapping only counts when the file exists at the investigated commit.
 */
export class CodeMapper {
  private readonly index: PathSuffixIndex;
  private readonly mappings: CodeMapping[];

  constructor(
    files: readonly string[],
    options: { codeMappings?: readonly CodeMapping[]; root?: string } = {},
  ) {
    this.index = new PathSuffixIndex(files, options.root ?? '');
    this.mappings = [...(options.codeMappings ?? [])].sort((a, b) => b.stackRoot.length - a.stackRoot.length);
  }

  map(frame: MappableFrame): FrameMapping | null {
    const python = isPythonFrame(frame)
      ? pythonModulePaths(frame.module ?? null, frame.paths[0] ?? null)
      : [];
    const candidates = [...frame.paths, ...python];
    for (const path of candidates) {
      const explicit = this.explicit(path);
      if (explicit) return explicit;
    }
    for (const path of python) {
      const suffix = this.suffix(path);
      if (suffix && suffix.matchedSegments === path.split('/').length) {
        return {
          ...suffix,
          rule: 'python-module',
          detail: `Python module ${frame.module} → ${suffix.repoPath}`,
        };
      }
    }
    const matches = candidates.map((path) => this.suffix(path)).filter((m) => m !== null);
    return matches.sort((a, b) => (b.matchedSegments ?? 0) - (a.matchedSegments ?? 0))[0] ?? null;
  }

  private explicit(path: string): FrameMapping | null {
    const normalized = normalizeForPrefix(path);
    for (const mapping of this.mappings) {
      if (!mapping.stackRoot || !normalized.startsWith(mapping.stackRoot)) continue;
      const repoPath = joinRepoPath(mapping.sourceRoot, normalized.slice(mapping.stackRoot.length));
      if (this.index.has(repoPath)) {
        const detail = `code mapping ${mapping.stackRoot} → ${mapping.sourceRoot || '(repository root)'}`;
        return { repoPath, rule: 'explicit', detail, from: path };
      }
    }
    return null;
  }

  private suffix(path: string): FrameMapping | null {
    const segments = runtimePathSegments(path);
    const match = this.index.longestSuffix(segments);
    if (!match) return null;
    const stripped = segments.slice(0, segments.length - match.matchedSegments).join('/');
    const repoPrefix = match.path.split('/').slice(0, -match.matchedSegments).join('/');
    const detail =
      `longest path suffix: ${stripped ? `/${stripped}/` : '/'} → ${repoPrefix ? `${repoPrefix}/` : '(repository root)'}` +
      ` (${match.matchedSegments} segment${match.matchedSegments === 1 ? '' : 's'} agree)`;
    return {
      repoPath: match.path,
      rule: 'path-suffix',
      detail,
      from: path,
      matchedSegments: match.matchedSegments,
      ties: match.ties,
    };
  }
}
