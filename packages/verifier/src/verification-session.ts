import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import type {
  CommandRun,
  GitWorkspace,
  TestRunner,
  VerificationStep,
  VerificationStepName,
  Worktree,
} from '@fixloop/core';
import { AppError } from '@fixloop/core';

/** Log kept per step in the verdict: the end of the output, where failures are reported. */
const STEP_LOG_CHARS = 48 * 1024;

/** One fresh worktree of a commit, a throwaway HOME, and the steps run in them. */
export class VerificationSession {
  readonly steps: VerificationStep[] = [];

  private constructor(
    private readonly runner: TestRunner,
    readonly worktree: Worktree,
    private readonly home: string,
    private readonly root: string,
  ) {}

  static async open(
    git: GitWorkspace,
    runner: TestRunner,
    sha: string,
    root = '',
    tempDir = tmpdir(),
  ): Promise<VerificationSession> {
    const worktree = await git.createWorktree(sha);
    try {
      const home = await mkdtemp(join(tempDir, 'fixloop-verify-home-'));
      return new VerificationSession(runner, worktree, home, root);
    } catch (error) {
      await worktree.dispose();
      throw error;
    }
  }

  /** Runs a command in the project folder of the worktree and records it as a step. */
  async run(
    name: VerificationStepName,
    command: string,
    timeoutMs: number,
    ok: (run: CommandRun) => boolean,
  ): Promise<CommandRun> {
    const cwd = this.inside(this.root);
    const run = await this.runner.run({
      command,
      cwd,
      timeoutMs,
      env: { HOME: this.home, TMPDIR: this.home },
    });
    this.record(name, run, ok(run));
    return run;
  }

  record(name: VerificationStepName, run: Partial<CommandRun> & { output: string }, ok: boolean): void {
    const log = run.output.length > STEP_LOG_CHARS ? `[…]\n${run.output.slice(-STEP_LOG_CHARS)}` : run.output;
    this.steps.push({ name, command: run.command ?? null, exitCode: run.exitCode ?? null, timedOut: run.timedOut ?? false, durationMs: run.durationMs ?? 0, ok, log }); // prettier-ignore
  }

  async writeFile(path: string, content: string): Promise<void> {
    const target = this.inside(path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.worktree.dispose(), rm(this.home, { recursive: true, force: true })]);
  }

  /** A path inside the worktree; a repository path that climbs out of it is refused. */
  private inside(path: string): string {
    const base = resolve(this.worktree.path);
    const target = resolve(base, path);
    if (target !== base && !target.startsWith(base + sep)) {
      throw new AppError('bad_request', `path leaves the worktree: ${path}`);
    }
    return target;
  }
}
