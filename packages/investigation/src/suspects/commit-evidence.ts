import type { BlameLine, GitCommit, GitWorkspace } from '@fixloop/core';
import type { CulpritFrame } from '../culprit/culprit-frames.ts';

export interface BlameEvidence {
  repoPath: string;
  lines: BlameLine[];
}

export interface CommitEvidence {
  blame: BlameEvidence[];
  /** Commits that touched the culprit files in the window, newest first. */
  commits: GitCommit[];
  /** Commits touching the culprit files that are not in the first release. */
  notInFirstRelease: Set<string>;
}

export interface CommitEvidenceOptions {
  since: Date;
  firstSeen: Date;
  /** The commit of the first release, when it is known. */
  firstReleaseSha: string | null;
  maxCommits: number;
  /** Lines blamed on each side of a crashing line. */
  blameRadius: number;
}

/**
 * `git log -p` of the culprit files, then `git blame` around each crashing line, looking through commits
 * that came too late to be the cause (after firstSeen, or not in the first release): a later edit of the
 * crashing line must not hide the commit that broke it.
 */
export async function gatherCommitEvidence(
  git: Pick<GitWorkspace, 'blame' | 'log'>,
  commit: string,
  culprits: readonly CulpritFrame[],
  options: CommitEvidenceOptions,
): Promise<CommitEvidence> {
  const paths = [...new Set(culprits.map((frame) => frame.repoPath))];
  if (paths.length === 0) return { blame: [], commits: [], notInFirstRelease: new Set() };
  const [commits, unreleased] = await Promise.all([
    git.log(commit, { paths, since: options.since, maxCount: options.maxCommits }),
    options.firstReleaseSha
      ? git.log(commit, { paths, maxCount: options.maxCommits, excludeAncestorsOf: options.firstReleaseSha })
      : Promise.resolve([]),
  ]);
  const notInFirstRelease = new Set(unreleased.map((c) => c.sha));
  const late = commits.filter((c) => c.committerTime > options.firstSeen).map((c) => c.sha);
  const ignoreRevisions = [...new Set([...late, ...notInFirstRelease])];
  const blame = await Promise.all(
    distinctLines(culprits).map(async (frame): Promise<BlameEvidence> => {
      const range = {
        start: Math.max(1, frame.line - options.blameRadius),
        end: frame.line + options.blameRadius,
      };
      return {
        repoPath: frame.repoPath,
        lines: await git.blame(commit, frame.repoPath, range, { ignoreRevisions }),
      };
    }),
  );
  return { blame, commits, notInFirstRelease };
}

function distinctLines(culprits: readonly CulpritFrame[]): CulpritFrame[] {
  const seen = new Set<string>();
  return culprits.filter((frame) => {
    const key = `${frame.repoPath}:${frame.line}`;
    return !seen.has(key) && seen.add(key);
  });
}
