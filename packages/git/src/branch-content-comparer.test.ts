import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitCliWorkspace } from './git-cli-workspace.ts';
import { TestRepository, tempDir } from './test-repository.ts';

const day = (n: number) => new Date(Date.UTC(2026, 0, n, 12));

describe('GitCliWorkspace.compareToBase (real git)', () => {
  let repo: TestRepository;
  let dataDir: string;
  let git: GitCliWorkspace;
  const shas: Record<string, string> = {};

  beforeAll(async () => {
    repo = TestRepository.create('main');
    repo.write('a.js', 'a\n').write('b.js', 'b\n');
    shas.root = repo.commit('root', { date: day(1) });
    repo.git('checkout', '--quiet', '-b', 'fix');
    shas.fixA = repo.write('a.js', 'a fixed\n').commit('fix a', { date: day(2) });
    shas.fixB = repo.write('b.js', 'b fixed\n').commit('fix b', { date: day(3) });
    // main took only the fix of a.js, as its own commit (a cherry-pick).
    repo.git('checkout', '--quiet', 'main');
    shas.partial = repo.write('a.js', 'a fixed\n').commit('take fix a', { date: day(4) });
    // squashed: both fixes as one commit on the root.
    repo.git('checkout', '--quiet', '-b', 'squashed', shas.root);
    shas.squashed = repo.write('a.js', 'a fixed\n').write('b.js', 'b fixed\n').commit('fixes (#1)', { date: day(5) }); // prettier-ignore
    dataDir = tempDir();
    git = new GitCliWorkspace({ dataDir, settings: { url: repo.dir } });
    await git.fetch();
  });
  afterAll(() => {
    repo.remove();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a base with one of two fixes: that commit is in it by patch, the other file differs', async () => {
    expect(await git.compareToBase(shas.fixB!, shas.partial!)).toEqual({
      commits: [
        { sha: shas.fixA, inBase: true },
        { sha: shas.fixB, inBase: false },
      ],
      changedFiles: ['a.js', 'b.js'],
      differingFiles: ['b.js'],
    });
  });

  it('a squash of both fixes: no commit matches by patch, every changed file reads the same', async () => {
    expect(await git.compareToBase(shas.fixB!, shas.squashed!)).toEqual({
      commits: [
        { sha: shas.fixA, inBase: false },
        { sha: shas.fixB, inBase: false },
      ],
      changedFiles: ['a.js', 'b.js'],
      differingFiles: [],
    });
  });
});
