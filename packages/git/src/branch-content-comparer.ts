import type { BranchContentInBase } from '@fixloop/core';
import type { GitContext } from './git-context.ts';
import type { GitReader } from './git-reader.ts';

/**
 * Compares a branch with a base by content, for merges that leave no ancestry behind: a rebase merge
 * re-creates each commit with the same patch (`git cherry` marks it `-`), a squash merge lands the
 * branch's files as one commit (they read the same in both).
 */
export class BranchContentComparer {
  constructor(
    private readonly ctx: GitContext,
    private readonly reader: GitReader,
  ) {}

  async compare(branch: string, base: string): Promise<BranchContentInBase> {
    const [branchSha, baseSha] = await Promise.all([this.reader.commit(branch), this.reader.commit(base)]);
    const mergeBase = await this.reader.mergeBase(baseSha, branchSha);
    const [commits, changedFiles, differing] = await Promise.all([
      this.cherry(baseSha, branchSha),
      // Unrelated histories: every file of the branch is its own.
      mergeBase === null ? this.reader.listFiles(branchSha) : this.changedFiles(mergeBase, branchSha),
      this.changedFiles(baseSha, branchSha),
    ]);
    const differs = new Set(differing);
    return { commits, changedFiles, differingFiles: changedFiles.filter((path) => differs.has(path)) };
  }

  /** `git cherry base branch`: the branch's own commits, oldest first, `-` when base has the same patch. */
  private async cherry(baseSha: string, branchSha: string): Promise<BranchContentInBase['commits']> {
    const result = await this.git(['cherry', baseSha, branchSha]);
    return result.stdout
      .split('\n')
      .filter((line) => /^[+-] [0-9a-f]+$/.test(line))
      .map((line) => ({ sha: line.slice(2), inBase: line.startsWith('-') }));
  }

  /** Paths whose content differs between two commits (renames as a deletion and an addition). */
  private async changedFiles(from: string, to: string): Promise<string[]> {
    const result = await this.git(['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', from, to]);
    return result.stdout.split('\0').filter(Boolean);
  }

  private git(args: string[]) {
    return this.ctx.runner.run(this.ctx.gitDir, args);
  }
}
