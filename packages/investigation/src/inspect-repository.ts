import type { GitWorkspace, ResolvedRepositorySettings } from '@fixloop/core';
import { CodeMapper } from './code-mapping/code-mapper.ts';
import { locateCulpritFrames, type CulpritFrame } from './culprit/culprit-frames.ts';
import type { StackFrame } from './culprit/event-stack-frames.ts';
import { resolveInvestigatedCommit } from './culprit/investigated-commit.ts';
import type { InvestigatedRepository, UnmappedFrame } from './report/investigation-report.ts';

export interface RepositoryView {
  repository: InvestigatedRepository;
  /** Files at the investigated commit. */
  files: string[];
  frames: CulpritFrame[];
  unmappedFrames: UnmappedFrame[];
}

export interface InspectRepositoryOptions {
  fetch: boolean;
  maxFrames: number;
  contextLines: number;
  maxFileBytes: number;
}

/** Fetches, picks the commit the event ran (release, else base head), and locates the in-app frames in it. */
export async function inspectRepository(
  git: GitWorkspace,
  settings: ResolvedRepositorySettings,
  stack: readonly StackFrame[],
  release: string | null,
  options: InspectRepositoryOptions,
): Promise<RepositoryView> {
  const base = options.fetch ? await git.fetch() : await git.baseHead();
  const commit = await resolveInvestigatedCommit(git, release, base);
  const files = await git.listFiles(commit.sha);
  const mapper = new CodeMapper(files, { codeMappings: settings.codeMappings, root: settings.root });
  const readFile = async (path: string) => {
    const file = await git.readFile(commit.sha, path, { maxBytes: options.maxFileBytes });
    return file === null || file.binary ? null : file.text;
  };
  const frames = await locateCulpritFrames(stack, mapper, readFile, options);
  const mappedDepths = new Set(frames.map((f) => f.depth));
  const lastDepth = frames.at(-1)?.depth ?? Infinity;
  const unmappedFrames = stack
    .filter((f) => f.inApp === true && !mappedDepths.has(f.depth) && f.depth < lastDepth)
    .slice(0, 10)
    .map((f) => ({ depth: f.depth, path: f.runtimePath, function: f.function }));
  return {
    repository: {
      baseBranch: base.branch,
      baseSha: base.sha,
      commit: commit.sha,
      commitSource: commit.source,
      ref: commit.ref,
    },
    files,
    frames,
    unmappedFrames,
  };
}
