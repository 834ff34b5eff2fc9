import { describe, expect, it } from 'vitest';
import { mergedByContent } from './sync-fix-branch.ts';

const commit = (sha: string, inBase: boolean) => ({ sha, inBase });

describe('mergedByContent', () => {
  it('a rebase merge: the base has the patch of every commit of the branch', () => {
    const comparison = { commits: [commit('a1', true), commit('b2', true)], changedFiles: ['x.js'], differingFiles: ['x.js'] }; // prettier-ignore
    // The base changed x.js again after the merge: the patches still tell.
    expect(mergedByContent(comparison)).toBe('patches');
  });

  it('a squash merge: no patch matches, but every file the branch changed reads the same in the base', () => {
    const comparison = { commits: [commit('a1', false), commit('b2', false)], changedFiles: ['x.js', 'test/x.test.js'], differingFiles: [] }; // prettier-ignore
    expect(mergedByContent(comparison)).toBe('content');
  });

  it('a base that took only one of two fixes: not merged', () => {
    const comparison = { commits: [commit('a1', true), commit('b2', false)], changedFiles: ['x.js', 'y.js'], differingFiles: ['y.js'] }; // prettier-ignore
    expect(mergedByContent(comparison)).toBeNull();
  });

  it('a branch whose changes cancel out (a fix and its revert) is not taken for merged', () => {
    expect(mergedByContent({ commits: [commit('a1', false), commit('b2', false)], changedFiles: [], differingFiles: [] })).toBeNull(); // prettier-ignore
  });

  it('a branch with no commits of its own is left alone', () => {
    expect(mergedByContent({ commits: [], changedFiles: [], differingFiles: [] })).toBeNull();
  });
});
