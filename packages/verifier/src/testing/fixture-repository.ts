import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const DEV = { name: 'Dev', email: 'dev@example.com' };

/**
 * A real project repository for tests: a working copy where a developer commits, and a bare remote that
 * Fixloop clones, fetches from and pushes to, like a hosted repository.
 */
export class FixtureRepository {
  private constructor(
    readonly workDir: string,
    readonly remoteDir: string,
  ) {}

  /** Commits `files` on `branch` and publishes it to a fresh bare remote. */
  static create(files: Readonly<Record<string, string>>, branch = 'main'): FixtureRepository {
    const workDir = mkdtempSync(join(tmpdir(), 'fixloop-fixture-'));
    const remoteDir = mkdtempSync(join(tmpdir(), 'fixloop-fixture-remote-'));
    git(remoteDir, ['init', '--quiet', '--bare', `--initial-branch=${branch}`]);
    git(workDir, ['init', '--quiet', `--initial-branch=${branch}`]);
    git(workDir, ['remote', 'add', 'origin', remoteDir]);
    const repo = new FixtureRepository(workDir, remoteDir);
    repo.commit(files, 'Initial commit');
    repo.git('push', '--quiet', 'origin', branch);
    return repo;
  }

  write(files: Readonly<Record<string, string>>): void {
    for (const [path, content] of Object.entries(files)) {
      const absolute = join(this.workDir, path);
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, content);
    }
  }

  commit(files: Readonly<Record<string, string>>, message: string): string {
    this.write(files);
    this.git('add', '--all');
    this.git('commit', '--quiet', '--no-verify', '-m', message);
    return this.head();
  }

  git(...args: string[]): string {
    return git(this.workDir, args);
  }

  head(ref = 'HEAD'): string {
    return this.git('rev-parse', ref).trim();
  }

  /** A branch's commit on the remote, or null when the remote has no such branch. */
  remoteHead(branch: string): string | null {
    try {
      return git(this.remoteDir, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]).trim();
    } catch {
      return null;
    }
  }

  /** A file's content at a commit-ish of the remote. */
  remoteFile(ref: string, path: string): string {
    return git(this.remoteDir, ['show', `${ref}:${path}`]);
  }

  remove(): void {
    rmSync(this.workDir, { recursive: true, force: true });
    rmSync(this.remoteDir, { recursive: true, force: true });
  }
}

function git(dir: string, args: readonly string[]): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: {
      PATH: '/usr/local/bin:/usr/bin:/bin',
      HOME: dir,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: DEV.name,
      GIT_AUTHOR_EMAIL: DEV.email,
      GIT_COMMITTER_NAME: DEV.name,
      GIT_COMMITTER_EMAIL: DEV.email,
    },
  });
}
