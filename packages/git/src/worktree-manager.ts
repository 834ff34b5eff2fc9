import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { AppError, type Worktree } from '@fixloop/core';
import type { GitContext } from './git-context.ts';
import type { GitReader } from './git-reader.ts';

/** Detached checkouts in their own folders under the data directory, removed without a trace. */
export class WorktreeManager {
  constructor(
    private readonly ctx: GitContext,
    private readonly reader: GitReader,
  ) {}

  async create(ref: string): Promise<Worktree> {
    const sha = await this.reader.commit(ref);
    await mkdir(this.ctx.worktreesDir, { recursive: true });
    const path = join(this.ctx.worktreesDir, randomUUID());
    await this.ctx.runner.run(this.ctx.gitDir, ['worktree', 'add', '--detach', '--quiet', path, sha]);
    let disposed: Promise<void> | null = null;
    return {
      path,
      headSha: sha,
      dispose: () => (disposed ??= this.remove(path)),
    };
  }

  async diff(worktree: Worktree): Promise<string> {
    const dir = this.owned(worktree);
    // Intent-to-add makes new files part of the diff without staging their content.
    await this.ctx.runner.run(dir, ['add', '--all', '--intent-to-add']);
    const result = await this.ctx.runner.run(dir, [
      'diff',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      'HEAD',
    ]);
    return result.stdout;
  }

  async applyPatch(worktree: Worktree, patch: string): Promise<void> {
    const dir = this.owned(worktree);
    const result = await this.ctx.runner.run(dir, ['apply', '--whitespace=nowarn', '-'], {
      input: patch,
      okExitCodes: [1, 128],
    });
    if (result.exitCode !== 0) {
      throw new AppError(
        'conflict',
        `patch does not apply: ${this.ctx.runner.redact(result.stderr.trim()).slice(0, 2000)}`,
      );
    }
  }

  async revert(worktree: Worktree, commit: string): Promise<void> {
    const dir = this.owned(worktree);
    const sha = await this.reader.commit(commit);
    const result = await this.ctx.runner.run(dir, ['revert', '--no-commit', '--no-edit', sha], {
      okExitCodes: [1, 128],
    });
    if (result.exitCode !== 0) {
      await this.ctx.runner.run(dir, ['revert', '--abort'], { okExitCodes: [128] });
      throw new AppError('conflict', `commit ${sha.slice(0, 12)} does not revert cleanly`);
    }
  }

  /** The worktree's folder, after checking it is one of ours (never the caller's own working copy). */
  owned(worktree: Worktree): string {
    const path = resolve(worktree.path);
    const inside = relative(resolve(this.ctx.worktreesDir), path);
    if (inside === '' || inside.startsWith('..') || inside.includes(sep)) {
      throw new AppError('forbidden', 'not a worktree of this repository');
    }
    return path;
  }

  private async remove(path: string): Promise<void> {
    await this.ctx.runner.run(this.ctx.gitDir, ['worktree', 'remove', '--force', '--force', path], {
      okExitCodes: [128],
    });
    await rm(path, { recursive: true, force: true });
    await this.ctx.runner.run(this.ctx.gitDir, ['worktree', 'prune']);
  }
}
