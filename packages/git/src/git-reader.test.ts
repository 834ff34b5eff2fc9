import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { GitCliWorkspace } from './git-cli-workspace.ts';
import { TestRepository, tempDir } from './test-repository.ts';

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 12));

describe('GitCliWorkspace reads', () => {
  let repo: TestRepository;
  let dataDir: string;
  let git: GitCliWorkspace;
  const shas: Record<string, string> = {};

  beforeAll(() => {
    repo = TestRepository.create('trunk');
    repo.write('src/cart.js', ['function total(items) {', '  return items.length;', '}', ''].join('\n'));
    repo.write('logo.png', Buffer.from([137, 80, 78, 71, 0, 0, 1, 2]).toString('latin1'));
    shas.first = repo.commit('add cart', { date: day(1) });
    repo.write(
      'src/cart.js',
      ['function total(items) {', '  return items.reduce((s, i) => s + i.price, 0);', '}', ''].join('\n'),
    );
    shas.second = repo.commit('sum prices', {
      date: day(2),
      author: { name: 'Ann', email: 'ann@example.com' },
    });
    repo.git('tag', 'v1.0.0');
    repo.write('src/new file.js', 'export const x = 1;\n');
    shas.third = repo.commit('add a file with a space', { date: day(3) });
    dataDir = tempDir();
    git = new GitCliWorkspace({ dataDir, settings: { url: repo.dir } });
  });
  afterAll(() => {
    repo.remove();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('clones once, fetches, and finds the default branch and its head', async () => {
    expect(await git.ensureClone()).toEqual({ cloned: true });
    expect(await git.ensureClone()).toEqual({ cloned: false });
    expect(await git.fetch()).toEqual({ branch: 'trunk', sha: shas.third });
    expect(await git.defaultBranch()).toBe('trunk');
    expect(await git.baseHead()).toEqual({ branch: 'trunk', sha: shas.third });
  });

  it('resolves shas, tags and branch names, and refuses option-like refs', async () => {
    expect(await git.resolveCommit('v1.0.0')).toBe(shas.second);
    expect(await git.resolveCommit('trunk')).toBe(shas.third);
    expect(await git.resolveCommit(shas.first!.slice(0, 10))).toBe(shas.first);
    expect(await git.resolveCommit('--output=/tmp/x')).toBeNull();
    expect(await git.resolveCommit('no-such-release')).toBeNull();
  });

  it('lists and reads files at a ref, bounded and binary-aware', async () => {
    expect((await git.listFiles(shas.first!)).sort()).toEqual(['logo.png', 'src/cart.js']);
    expect(await git.listFiles('trunk')).toContain('src/new file.js');
    const file = await git.readFile('v1.0.0', 'src/cart.js');
    expect(file?.text).toContain('i.price');
    expect(file?.truncated).toBe(false);
    const partial = await git.readFile('v1.0.0', 'src/cart.js', { maxBytes: 10 });
    expect(partial).toMatchObject({ text: 'function t', truncated: true });
    expect((await git.readFile('trunk', 'logo.png'))?.binary).toBe(true);
    expect(await git.readFile('trunk', 'missing.js')).toBeNull();
    expect(await git.readFile('trunk', '../etc/passwd')).toBeNull();
  });

  it('blames a line range, clamping past the end of the file', async () => {
    const lines = await git.blame('trunk', 'src/cart.js', { start: 2, end: 50 });
    expect(lines.map((l) => [l.line, l.commit])).toEqual([
      [2, shas.second],
      [3, shas.first],
    ]);
    expect(lines[0]).toMatchObject({ author: 'Ann', authorEmail: 'ann@example.com', summary: 'sum prices' });
    expect(lines[0]?.authorTime.toISOString()).toBe(day(2).toISOString());
    expect(lines[0]?.content).toContain('reduce');
  });

  it('blames through ignored revisions and logs only what a release lacks', async () => {
    const through = await git.blame(
      'trunk',
      'src/cart.js',
      { start: 2, end: 2 },
      { ignoreRevisions: [shas.second!] },
    );
    expect(through.map((l) => l.commit)).toEqual([shas.first]);
    const unreleased = await git.log('trunk', { maxCount: 10, excludeAncestorsOf: 'v1.0.0' });
    expect(unreleased.map((c) => c.sha)).toEqual([shas.third]);
  });

  it('logs commits with changed files and line ranges', async () => {
    const log = await git.log('trunk', { maxCount: 10, paths: ['src/cart.js'] });
    expect(log.map((c) => c.sha)).toEqual([shas.second, shas.first]);
    expect(log[0]?.files).toEqual([
      {
        path: 'src/cart.js',
        status: 'modified',
        hunks: [{ oldStart: 2, oldLines: 1, newStart: 2, newLines: 1 }],
      },
    ]);
    expect(log[0]?.committerTime.toISOString()).toBe(day(2).toISOString());
    const since = await git.log('trunk', { maxCount: 10, since: day(2) });
    expect(since.map((c) => c.summary)).toEqual(['add a file with a space', 'sum prices']);
    expect(since[0]?.files[0]).toMatchObject({ path: 'src/new file.js', status: 'added' });
  });

  it('shows one commit and answers ancestry questions', async () => {
    const commit = await git.showCommit(shas.first!);
    expect(commit?.files.map((f) => f.path).sort()).toEqual(['logo.png', 'src/cart.js']);
    expect(await git.showCommit('nope')).toBeNull();
    expect(await git.isAncestor(shas.first!, shas.third!)).toBe(true);
    expect(await git.isAncestor(shas.third!, shas.first!)).toBe(false);
    expect(await git.mergeBase(shas.second!, shas.third!)).toBe(shas.second);
  });

  it('lets two workspaces on one repository clone and fetch the shared clone at the same time', async () => {
    const shared = tempDir();
    const [a, b] = [1, 2].map(() => new GitCliWorkspace({ dataDir: shared, settings: { url: repo.dir } }));
    try {
      const heads = await Promise.all([a!.fetch(), b!.fetch(), a!.fetch(), b!.fetch()]);
      expect(new Set(heads.map((h) => h.sha))).toEqual(new Set([shas.third]));
      expect(await b!.listFiles('trunk')).toContain('src/cart.js');
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  });

  it('picks up new commits on the next fetch', async () => {
    repo.write('README.md', '# shop\n');
    const fourth = repo.commit('readme', { date: day(4) });
    expect(await git.fetch()).toEqual({ branch: 'trunk', sha: fourth });
  });
});
