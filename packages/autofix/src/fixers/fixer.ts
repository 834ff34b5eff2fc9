import type { FixCandidate, PolicyCategory, ReproductionTest } from '@fixloop/core';
import type ts from 'typescript';
import type { CapturedError } from '../event/captured-error.ts';
import type { FramePathMapper } from '../event/frame-path-mapper.ts';
import type { FrameSite } from '../reproduce/frame-sites.ts';
import type { RepoSnapshot } from '../source/repo-snapshot.ts';

/** Everything a fixer may look at: the event, its located frames and the repository at the base head. */
export interface FixContext {
  error: CapturedError;
  repo: RepoSnapshot;
  /** The project's folder in the repository ('' for the root). */
  root: string;
  mapPath: FramePathMapper;
  /** The event's frames located in the repository, innermost first. */
  sites: FrameSite[];
  packageType: string | null;
  /** The reproduction test the fix must make pass (the LLM fixer sees it and may improve it). */
  reproduction?: ReproductionTest;
  /** Set for LLM rounds after the first: why the previous candidate failed verification. */
  previousFailure?: string;
}

/** The crashing frame: the innermost frame located in a parsed repository file. */
export interface CrashSite {
  path: string;
  source: ts.SourceFile;
  offset: number;
  frame: FrameSite['frame'];
}

export type ProposeResult =
  | {
      ok: true;
      candidate: FixCandidate;
      /** A better reproduction test (full content, same path), when the fixer wrote one. */
      improvedTest?: string;
    }
  | { ok: false; reason: string };

/** A fixer for one class of crash. `canFix` is a cheap look at the error; `propose` does the work. */
export interface Fixer {
  readonly name: string;
  /** The category this fixer's patches are at least (policy rules may raise it). */
  readonly category: PolicyCategory;
  canFix(context: FixContext): boolean;
  propose(context: FixContext): Promise<ProposeResult>;
}

export function crashSite(context: FixContext): CrashSite | null {
  for (const site of context.sites) {
    if (site.path && site.source && site.offset !== null) {
      return { path: site.path, source: site.source, offset: site.offset, frame: site.frame };
    }
  }
  return null;
}

export function cannotFix(reason: string): ProposeResult {
  return { ok: false, reason };
}
