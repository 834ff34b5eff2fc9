import {
  AppError,
  assertWritableBranch,
  plainBranchName,
  type CommitResult,
  type CommitToBranchOptions,
  type GitIdentity,
  type Worktree,
} from '@fixloop/core';
import type { GitContext } from './git-context.ts';
import type { GitReader } from './git-reader.ts';
import type { RepositorySync } from './repository-sync.ts';
import type { SerialLock } from './serial-lock.ts';
import type { WorktreeManager } from './worktree-manager.ts';

const NO_SHA = '0'.repeat(40);

/**
 * Every write the adapter can make. Each one first checks the branch against the protection rule
 * (base branch, main, master, staging, configured protected branches), so no caller can bypass it.
 */
export class BranchWriter {
  constructor(
    private readonly ctx: GitContext,
    private readonly lock: SerialLock,
    private readonly sync: RepositorySync,
    private readonly reader: GitReader,
    private readonly worktrees: WorktreeManager,
  ) {}

  /** Fixloop's local branch when it exists (fetch fast-forwards it), else the remote's. */
  async branchHead(branch: string): Promise<string | null> {
    const name = plainBranchName(branch);
    if (name === null) return null;
    return (await this.localSha(name)) ?? (await this.reader.resolveCommit(`refs/remotes/origin/${name}`));
  }

  async commitToBranch(worktree: Worktree, options: CommitToBranchOptions): Promise<CommitResult> {
    const branch = await this.guard(options.branch);
    const dir = this.worktrees.owned(worktree);
    return this.lock.run(async () => {
      const created = await this.commitInWorktree(dir, options);
      const previous = await this.branchHead(branch);
      const sha =
        previous === null || (await this.reader.isAncestor(previous, created))
          ? created
          : await this.cherryPick(created, previous, options);
      await this.moveBranch(branch, sha);
      return { sha, branch, previousSha: previous };
    });
  }

  async push(branch: string, options: { force?: boolean } = {}): Promise<void> {
    const name = await this.guard(branch);
    await this.lock.run(async () => {
      const local = await this.localSha(name);
      if (local === null) throw new AppError('not_found', `branch "${name}" has no local commits to push`);
      const args = ['push', '--quiet', '--porcelain', 'origin', `refs/heads/${name}:refs/heads/${name}`];
      if (options.force) {
        const expected = (await this.reader.resolveCommit(`refs/remotes/origin/${name}`)) ?? '';
        args.splice(1, 0, `--force-with-lease=refs/heads/${name}:${expected}`);
      }
      const result = await this.ctx.runner.run(this.ctx.gitDir, args, {
        env: await this.ctx.credentials.env(),
        timeoutMs: this.ctx.remoteTimeoutMs,
        failureCode: 'unavailable',
        okExitCodes: [1],
      });
      if (result.exitCode !== 0) {
        throw new AppError(
          'conflict',
          `push of "${name}" was rejected: ${this.ctx.runner
            .redact(result.stdout + result.stderr)
            .trim()
            .slice(0, 1000)}`,
        );
      }
    });
  }

  async resetBranch(branch: string, toRef: string): Promise<void> {
    const name = await this.guard(branch);
    const sha = await this.reader.commit(toRef);
    await this.lock.run(() => this.moveBranch(name, sha));
  }

  private async guard(branch: string): Promise<string> {
    const baseBranch = this.ctx.settings.baseBranch ?? (await this.sync.defaultBranch());
    assertWritableBranch(branch, { baseBranch, protectedBranches: this.ctx.settings.protectedBranches });
    return plainBranchName(branch) as string;
  }

  private async commitInWorktree(dir: string, options: CommitToBranchOptions): Promise<string> {
    const paths = options.paths ?? [];
    await this.ctx.runner.run(dir, paths.length > 0 ? ['add', '--all', '--', ...paths] : ['add', '--all']);
    const staged = await this.ctx.runner.run(dir, ['diff', '--cached', '--quiet'], { okExitCodes: [1] });
    if (staged.exitCode === 0)
      throw new AppError('bad_request', 'nothing to commit: the worktree has no changes');
    const env = identityEnv(options.author ?? this.ctx.identity, options.date);
    await this.ctx.runner.run(dir, ['commit', '--quiet', '--no-verify', '--file=-'], {
      env,
      input: options.message,
    });
    return (await this.ctx.runner.run(dir, ['rev-parse', 'HEAD'])).stdout.trim();
  }

  /** Replays one commit onto a branch that moved on since the worktree was created. */
  private async cherryPick(commit: string, onto: string, options: CommitToBranchOptions): Promise<string> {
    const temp = await this.worktrees.create(onto);
    try {
      const env = identityEnv(options.author ?? this.ctx.identity, options.date);
      const result = await this.ctx.runner.run(temp.path, ['cherry-pick', '--allow-empty', commit], {
        env,
        okExitCodes: [1, 128],
      });
      if (result.exitCode !== 0) {
        throw new AppError(
          'conflict',
          `the change does not apply on top of the branch tip ${onto.slice(0, 12)}`,
        );
      }
      return (await this.ctx.runner.run(temp.path, ['rev-parse', 'HEAD'])).stdout.trim();
    } finally {
      await temp.dispose();
    }
  }

  private async moveBranch(name: string, sha: string): Promise<void> {
    const old = (await this.localSha(name)) ?? NO_SHA;
    await this.ctx.runner.run(this.ctx.gitDir, ['update-ref', `refs/heads/${name}`, sha, old], {
      failureCode: 'conflict',
    });
  }

  private async localSha(name: string): Promise<string | null> {
    return this.reader.resolveCommit(`refs/heads/${name}`);
  }
}

function identityEnv(identity: GitIdentity, date?: Date): Record<string, string> {
  const env: Record<string, string> = {
    GIT_AUTHOR_NAME: identity.name,
    GIT_AUTHOR_EMAIL: identity.email,
    GIT_COMMITTER_NAME: identity.name,
    GIT_COMMITTER_EMAIL: identity.email,
  };
  if (date) env.GIT_AUTHOR_DATE = env.GIT_COMMITTER_DATE = date.toISOString();
  return env;
}
