import { access, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError, isWritableBranch, type BaseHead } from '@fixloop/core';
import type { GitContext } from './git-context.ts';
import type { SerialLock } from './serial-lock.ts';

const FETCH_REFSPEC = '+refs/heads/*:refs/remotes/origin/*';

/**
 * Keeps the bare clone in the data directory in step with the remote. Remote branches live under
 * refs/remotes/origin/*, so a fetch never touches Fixloop's own local branches (the fix branch).
 */
export class RepositorySync {
  constructor(
    private readonly ctx: GitContext,
    private readonly lock: SerialLock,
  ) {}

  ensureClone(): Promise<{ cloned: boolean }> {
    return this.lock.run(() => this.ensureCloneUnlocked());
  }

  fetch(): Promise<BaseHead> {
    return this.lock.run(async () => {
      const { cloned } = await this.ensureCloneUnlocked();
      if (!cloned) await this.fetchInto(this.ctx.gitDir);
      if (this.ctx.settings.baseBranch === undefined) await this.refreshDefaultBranch();
      const head = await this.baseHead();
      await this.fastForwardLocalBranches(head.branch);
      return head;
    });
  }

  async defaultBranch(): Promise<string> {
    const known = await this.ctx.runner.run(
      this.ctx.gitDir,
      ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'],
      {
        okExitCodes: [1],
      },
    );
    const ref = known.stdout.trim();
    if (ref.startsWith('refs/remotes/origin/')) return ref.slice('refs/remotes/origin/'.length);
    return this.lock.run(() => this.refreshDefaultBranch());
  }

  async baseHead(): Promise<BaseHead> {
    const branch = this.ctx.settings.baseBranch ?? (await this.defaultBranch());
    const result = await this.ctx.runner.run(
      this.ctx.gitDir,
      ['rev-parse', '--verify', '--quiet', `refs/remotes/origin/${branch}^{commit}`],
      { okExitCodes: [1] },
    );
    const sha = result.stdout.trim();
    if (!sha) throw new AppError('not_found', `base branch "${branch}" does not exist on the remote`);
    return { branch, sha };
  }

  /**
   * Local branches (the fix branch) follow their remote when it moved ahead of them (another Fixloop
   * instance or a human pushed); a local branch that is ahead or diverged is left for push to settle.
   */
  private async fastForwardLocalBranches(baseBranch: string): Promise<void> {
    const list = await this.ctx.runner.run(this.ctx.gitDir, [
      'for-each-ref',
      '--format=%(refname:lstrip=2) %(objectname)',
      'refs/heads',
    ]);
    for (const line of list.stdout.split('\n').filter(Boolean)) {
      const [name = '', local = ''] = line.split(' ');
      if (!isWritableBranch(name, { baseBranch, protectedBranches: this.ctx.settings.protectedBranches }))
        continue;
      const remote = await this.ctx.runner.run(
        this.ctx.gitDir,
        ['rev-parse', '--verify', '--quiet', `refs/remotes/origin/${name}`],
        { okExitCodes: [1] },
      );
      const remoteSha = remote.stdout.trim();
      if (!remoteSha || remoteSha === local) continue;
      const behind = await this.ctx.runner.run(
        this.ctx.gitDir,
        ['merge-base', '--is-ancestor', local, remoteSha],
        { okExitCodes: [1] },
      );
      if (behind.exitCode === 0)
        await this.ctx.runner.run(this.ctx.gitDir, ['update-ref', `refs/heads/${name}`, remoteSha, local]);
    }
  }

  /** Clones into a temporary folder and renames it, so an interrupted clone never looks like a clone. */
  private async ensureCloneUnlocked(): Promise<{ cloned: boolean }> {
    if (await exists(join(this.ctx.gitDir, 'HEAD'))) return { cloned: false };
    await mkdir(dirname(this.ctx.gitDir), { recursive: true });
    const partial = `${this.ctx.gitDir}.partial-${process.pid}-${Date.now()}`;
    try {
      await mkdir(partial, { recursive: true });
      await this.ctx.runner.run(partial, ['init', '--quiet', '--bare']);
      await this.ctx.runner.run(partial, ['remote', 'add', 'origin', this.ctx.remote.url]);
      await this.ctx.runner.run(partial, ['config', 'remote.origin.fetch', FETCH_REFSPEC]);
      await this.fetchInto(partial);
      await rm(this.ctx.gitDir, { recursive: true, force: true });
      await rename(partial, this.ctx.gitDir);
      return { cloned: true };
    } finally {
      await rm(partial, { recursive: true, force: true });
    }
  }

  private async fetchInto(gitDir: string): Promise<void> {
    await this.ctx.runner.run(
      gitDir,
      ['fetch', '--quiet', '--prune', '--tags', '--force', 'origin', FETCH_REFSPEC],
      {
        env: await this.ctx.credentials.env(),
        timeoutMs: this.ctx.remoteTimeoutMs,
        failureCode: 'unavailable',
      },
    );
  }

  /** Asks the remote which branch its HEAD names and remembers it as refs/remotes/origin/HEAD. */
  private async refreshDefaultBranch(): Promise<string> {
    const result = await this.ctx.runner.run(this.ctx.gitDir, ['ls-remote', '--symref', 'origin', 'HEAD'], {
      env: await this.ctx.credentials.env(),
      timeoutMs: this.ctx.remoteTimeoutMs,
      failureCode: 'unavailable',
    });
    const match = /^ref: refs\/heads\/(\S+)\s+HEAD$/m.exec(result.stdout);
    if (!match?.[1])
      throw new AppError('not_found', 'the remote repository has no default branch (is it empty?)');
    const branch = match[1];
    await this.ctx.runner.run(this.ctx.gitDir, [
      'symbolic-ref',
      'refs/remotes/origin/HEAD',
      `refs/remotes/origin/${branch}`,
    ]);
    return branch;
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
