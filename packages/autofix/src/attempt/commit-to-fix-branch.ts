import type { CommitResult, FixPatch, GitIdentity, GitWorkspace } from '@fixloop/core';

/**
 * Applies the patch (fix and test together) to a fresh worktree of `baseSha` and commits it as ONE
 * commit on the fix branch, then pushes the branch. The git adapter refuses protected branches itself.
 */
export async function commitToFixBranch(
  git: GitWorkspace,
  input: {
    baseSha: string;
    patch: FixPatch;
    branch: string;
    message: string;
    author?: GitIdentity;
    date: Date;
    push: boolean;
  },
): Promise<CommitResult> {
  const worktree = await git.createWorktree(input.baseSha);
  let result: CommitResult;
  try {
    await git.applyPatch(worktree, input.patch.diff);
    result = await git.commitToBranch(worktree, { branch: input.branch, message: input.message, date: input.date, ...(input.author ? { author: input.author } : {}) }); // prettier-ignore
  } finally {
    await worktree.dispose();
  }
  if (input.push) await git.push(input.branch);
  return result;
}
