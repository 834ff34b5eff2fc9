import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAppError, type GitWorkspace } from '@fixloop/core';
import { GitCliWorkspace } from './git-cli-workspace.ts';
import { repositorySlug } from './repository-slug.ts';
import { runGit, TestRepository, tempDir } from './test-repository.ts';

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 12));
const bot = { name: 'Fixloop Bot', email: 'bot@fixloop.test' };
const GUARDED = ['main', 'master', 'staging', 'release', 'refs/heads/main', 'Main', 'develop'];

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

function refs(gitDir: string): string {
  return runGit(gitDir, ['for-each-ref', '--format=%(refname) %(objectname)'], {});
}

describe('GitCliWorkspace writes', () => {
  let repo: TestRepository;
  let remote: string;
  let dataDir: string;
  let git: GitWorkspace;
  let base: string;

  beforeAll(async () => {
    repo = TestRepository.create('main');
    repo.write('src/cart.js', 'export const total = (items) => items.length;\n');
    base = repo.commit('cart', { date: day(1) });
    for (const branch of ['master', 'staging', 'release', 'develop']) repo.git('branch', branch);
    remote = repo.bareClone();
    dataDir = tempDir();
    git = new GitCliWorkspace({
      dataDir,
      settings: { url: `file://${remote}`, baseBranch: 'develop', protectedBranches: ['release'] },
      identity: bot,
    });
    await git.fetch();
  });
  afterAll(() => {
    for (const dir of [repo.dir, remote, dataDir]) rmSync(dir, { recursive: true, force: true });
  });

  it('creates a worktree and disposes of it without a trace', async () => {
    const gitDir = join(dataDir, 'repos', repositorySlug(`file://${remote}`));
    const worktree = await git.createWorktree('main');
    expect(worktree.headSha).toBe(base);
    expect(readFileSync(join(worktree.path, 'src/cart.js'), 'utf8')).toContain('items.length');
    await worktree.dispose();
    await worktree.dispose();
    expect(() => readFileSync(join(worktree.path, 'src/cart.js'))).toThrow();
    expect(runGit(gitDir, ['worktree', 'list', '--porcelain'], {}).match(/^worktree /gm)).toHaveLength(1);
    expect(runGit(dataDir, ['-C', gitDir, 'for-each-ref', 'refs/heads'], {})).toBe('');
  });

  it('commits a fix to the fix branch and pushes it to a bare remote over file://', async () => {
    const worktree = await git.createWorktree('main');
    writeFileSync(
      join(worktree.path, 'src/cart.js'),
      'export const total = (items) => items?.length ?? 0;\n',
    );
    writeFileSync(join(worktree.path, 'src/cart.test.js'), 'test\n');
    expect(await git.diffWorktree(worktree)).toContain('+++ b/src/cart.test.js');
    const result = await git.commitToBranch(worktree, {
      branch: 'fixloop',
      message: 'fix: guard items\n\nIssue 1',
      date: day(2),
    });
    await worktree.dispose();
    expect(result).toMatchObject({ branch: 'fixloop', previousSha: null });
    await git.push('fixloop');
    expect(runGit(remote, ['rev-parse', 'refs/heads/fixloop'], {}).trim()).toBe(result.sha);
    const shown = runGit(remote, ['log', '-1', '--format=%an <%ae>|%P|%B', result.sha], {});
    expect(shown).toBe(`${bot.name} <${bot.email}>|${base}|fix: guard items\n\nIssue 1\n\n`);
    expect(runGit(remote, ['rev-parse', 'refs/heads/main'], {}).trim()).toBe(base);
  });

  it('replays a fix made on the base head on top of a fix branch that moved on', async () => {
    const before = await git.branchHead('fixloop');
    const worktree = await git.createWorktree('main');
    writeFileSync(join(worktree.path, 'README.md'), '# docs\n');
    const result = await git.commitToBranch(worktree, { branch: 'fixloop', message: 'docs', date: day(3) });
    await worktree.dispose();
    expect(result.previousSha).toBe(before);
    expect(
      runGit(
        dataDir,
        [
          '-C',
          join(dataDir, 'repos', repositorySlug(`file://${remote}`)),
          'log',
          '--format=%s',
          'refs/heads/fixloop',
        ],
        {},
      ),
    ).toBe('docs\nfix: guard items\ncart\n');
    await git.push('fixloop');
    expect(runGit(remote, ['rev-parse', 'refs/heads/fixloop'], {}).trim()).toBe(result.sha);
  });

  it('refuses every write to the base, main, master, staging and protected branches, moving no ref', async () => {
    const remoteBefore = refs(remote);
    const worktree = await git.createWorktree('main');
    writeFileSync(join(worktree.path, 'src/cart.js'), 'broken\n');
    for (const branch of GUARDED) {
      const attempts = [
        git.commitToBranch(worktree, { branch, message: 'sneaky' }),
        git.push(branch),
        git.push(branch, { force: true }),
        git.resetBranch(branch, 'fixloop'),
      ];
      for (const attempt of attempts) {
        const error = await errorOf(attempt);
        expect(isAppError(error) && error.code, `${branch}: ${String(error)}`).toBe('forbidden');
      }
    }
    expect(worktree.headSha).toBe(base);
    expect(runGit(worktree.path, ['rev-parse', 'HEAD'], {}).trim()).toBe(base);
    await worktree.dispose();
    expect(refs(remote)).toBe(remoteBefore);
    const gitDir = join(dataDir, 'repos', repositorySlug(`file://${remote}`));
    expect(runGit(gitDir, ['for-each-ref', '--format=%(refname)', 'refs/heads'], {}).trim()).toBe(
      'refs/heads/fixloop',
    );
  });

  it('resets the fix branch to the base head and force-pushes it', async () => {
    await git.resetBranch('fixloop', 'main');
    expect(await git.branchHead('fixloop')).toBe(base);
    await expect(git.push('fixloop')).rejects.toMatchObject({ code: 'conflict' });
    await git.push('fixloop', { force: true });
    expect(runGit(remote, ['rev-parse', 'refs/heads/fixloop'], {}).trim()).toBe(base);
  });

  it('fast-forwards the local fix branch when someone else pushed to it', async () => {
    const other = tempDir();
    runGit(other, ['clone', '--quiet', '--branch', 'fixloop', remote, '.'], {});
    writeFileSync(join(other, 'NOTES.md'), 'human note\n');
    runGit(other, ['add', '--all'], {});
    runGit(other, ['commit', '--quiet', '-m', 'human', '--author', 'Dev <dev@example.com>'], {
      GIT_COMMITTER_NAME: 'Dev',
      GIT_COMMITTER_EMAIL: 'dev@example.com',
    });
    runGit(other, ['push', '--quiet', 'origin', 'fixloop'], {});
    const pushed = runGit(other, ['rev-parse', 'HEAD'], {}).trim();
    rmSync(other, { recursive: true, force: true });
    expect(await git.branchHead('fixloop')).toBe(base);
    await git.fetch();
    expect(await git.branchHead('fixloop')).toBe(pushed);
  });

  it('applies and reverts patches in a worktree, and refuses empty commits and foreign folders', async () => {
    const worktree = await git.createWorktree('main');
    const patch = [
      '--- a/src/cart.js',
      '+++ b/src/cart.js',
      '@@ -1 +1 @@',
      '-export const total = (items) => items.length;',
      '+export const total = (items) => items.length + 0;',
      '',
    ].join('\n');
    await git.applyPatch(worktree, patch);
    expect(readFileSync(join(worktree.path, 'src/cart.js'), 'utf8')).toContain('+ 0');
    await expect(git.applyPatch(worktree, patch)).rejects.toMatchObject({ code: 'conflict' });
    await worktree.dispose();
    const clean = await git.createWorktree('main');
    await expect(git.commitToBranch(clean, { branch: 'fixloop', message: 'x' })).rejects.toMatchObject({
      code: 'bad_request',
    });
    await git.revertInWorktree(clean, base);
    expect(await git.diffWorktree(clean)).toContain('-export const total');
    await clean.dispose();
    const foreign = { path: repo.dir, headSha: base, dispose: async () => undefined };
    await expect(git.commitToBranch(foreign, { branch: 'fixloop', message: 'x' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
