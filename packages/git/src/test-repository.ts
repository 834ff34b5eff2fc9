import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TestCommitOptions {
  date: Date;
  author?: { name: string; email: string };
}

/**
 * A real git repository in a temp folder for tests: files are written, then committed with fixed
 * author and committer dates so history-based rankings are reproducible.
 */
export class TestRepository {
  private constructor(readonly dir: string) {}

  static create(branch = 'main'): TestRepository {
    const repo = new TestRepository(mkdtempSync(join(tmpdir(), 'fixloop-repo-')));
    repo.git('init', '--quiet', `--initial-branch=${branch}`);
    return repo;
  }

  git(...args: string[]): string {
    return runGit(this.dir, args, {});
  }

  write(path: string, content: string): this {
    const absolute = join(this.dir, path);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
    return this;
  }

  commit(message: string, options: TestCommitOptions): string {
    const author = options.author ?? { name: 'Dev', email: 'dev@example.com' };
    const env = {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
      GIT_AUTHOR_DATE: options.date.toISOString(),
      GIT_COMMITTER_DATE: options.date.toISOString(),
    };
    runGit(this.dir, ['add', '--all'], env);
    runGit(this.dir, ['commit', '--quiet', '--allow-empty', '--no-verify', '-m', message], env);
    return this.head();
  }

  head(ref = 'HEAD'): string {
    return this.git('rev-parse', ref).trim();
  }

  /** A bare copy to act as the remote (push target) of a Fixloop clone. */
  bareClone(): string {
    const bare = mkdtempSync(join(tmpdir(), 'fixloop-remote-'));
    runGit(tmpdir(), ['clone', '--quiet', '--bare', this.dir, bare], {});
    return bare;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** `git -C dir …` with a clean identity and no global config, so the host's settings cannot leak in. */
export function runGit(dir: string, args: string[], env: Record<string, string>): string {
  return execFileSync(
    'git',
    ['-C', dir, '-c', 'commit.gpgSign=false', '-c', 'core.hooksPath=/dev/null', ...args],
    {
      encoding: 'utf8',
      env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: tmpdir(), GIT_CONFIG_NOSYSTEM: '1', ...env },
    },
  );
}

export function tempDir(prefix = 'fixloop-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

// The package's test-support entry (`@fixloop/git/test-repository`) also offers the smart-HTTP git server.
export { basicAuthorization, GitHttpTestServer } from './git-http-test-server.ts';
