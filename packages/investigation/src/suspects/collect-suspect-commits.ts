import type { GitWorkspace } from '@fixloop/core';
import type { CulpritFrame } from '../culprit/culprit-frames.ts';
import { releaseRefCandidates } from '../culprit/investigated-commit.ts';
import { gatherCommitEvidence } from './commit-evidence.ts';
import { rankSuspectCommits, type SuspectCommit } from './rank-suspect-commits.ts';

export interface CollectSuspectsOptions {
  firstSeen: Date;
  /** The first release: commits not in it cannot have caused the issue. */
  firstRelease: string | null;
  lookbackDays: number;
  blameRadius: number;
  maxCommits: number;
  maxSuspects: number;
}

const DAY_MS = 86_400_000;

/** Blame and history of the culprit lines at the investigated commit, ranked, best first. */
export async function collectSuspectCommits(
  git: GitWorkspace,
  commit: string,
  frames: readonly CulpritFrame[],
  options: CollectSuspectsOptions,
): Promise<SuspectCommit[]> {
  if (frames.length === 0) return [];
  const evidence = await gatherCommitEvidence(git, commit, frames, {
    since: new Date(options.firstSeen.getTime() - options.lookbackDays * DAY_MS),
    firstSeen: options.firstSeen,
    firstReleaseSha: await resolveRelease(git, options.firstRelease),
    maxCommits: options.maxCommits,
    blameRadius: options.blameRadius,
  });
  const targets = frames.map((frame, i) => ({
    repoPath: frame.repoPath,
    line: frame.line,
    weight: 1 / (1 + 0.75 * i),
  }));
  return rankSuspectCommits({
    targets,
    ...evidence,
    firstRelease: options.firstRelease,
    firstSeen: options.firstSeen,
    blameRadius: options.blameRadius,
  }).slice(0, options.maxSuspects);
}

async function resolveRelease(git: GitWorkspace, release: string | null): Promise<string | null> {
  for (const ref of releaseRefCandidates(release)) {
    const sha = await git.resolveCommit(ref);
    if (sha) return sha;
  }
  return null;
}
