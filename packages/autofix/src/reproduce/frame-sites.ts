import type ts from 'typescript';
import type { CapturedError, CapturedFrame } from '../event/captured-error.ts';
import type { FramePathMapper } from '../event/frame-path-mapper.ts';
import { innermostAt, isJsSourcePath, offsetOf, parseSource } from '../source/parse-source.ts';
import type { RepoSnapshot } from '../source/repo-snapshot.ts';
import { isFunctionNode, type FunctionNode } from '../source/top-level-bindings.ts';

/** A stack frame located in the repository: its file, the position it points at and its function. */
export interface FrameSite {
  frame: CapturedFrame;
  /** Null for frames outside the repository (node internals, `Array.map`, dependencies). */
  path: string | null;
  source: ts.SourceFile | null;
  offset: number | null;
  /** The innermost function around the position; null at module level. */
  fn: FunctionNode | null;
}

/** Locates every frame (innermost first), parsing each repository file once. */
export async function frameSites(
  error: CapturedError,
  repo: RepoSnapshot,
  mapPath: FramePathMapper,
): Promise<FrameSite[]> {
  const sources = new Map<string, ts.SourceFile | null>();
  const sites: FrameSite[] = [];
  for (const frame of error.frames) {
    const path = frame.inApp === false ? null : mapPath(frame);
    const source = path && isJsSourcePath(path) ? await parsed(path, repo, sources) : null;
    const offset = source && frame.lineno !== null ? offsetOf(source, frame.lineno, frame.colno ?? 1) : null;
    const fn = source && offset !== null ? innermostAt(source, offset, isFunctionNode) : null;
    sites.push({ frame, path, source, offset, fn });
  }
  return sites;
}

async function parsed(
  path: string,
  repo: RepoSnapshot,
  cache: Map<string, ts.SourceFile | null>,
): Promise<ts.SourceFile | null> {
  if (!cache.has(path)) {
    const text = await repo.readText(path);
    cache.set(path, text === null ? null : parseSource(path, text));
  }
  return cache.get(path) ?? null;
}
