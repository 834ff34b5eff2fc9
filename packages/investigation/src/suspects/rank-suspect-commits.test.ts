import { describe, expect, it } from 'vitest';
import type { BlameLine, GitCommit } from '@fixloop/core';
import { rankSuspectCommits } from './rank-suspect-commits.ts';

const at = (day: number) => new Date(Date.UTC(2026, 0, day));
const sha = (c: string) => c.repeat(40);

function commit(
  id: string,
  day: number,
  hunks: [number, number][],
  path = 'src/cart.js',
  status: 'added' | 'modified' = 'modified',
): GitCommit {
  const who = { name: id, email: `${id}@example.com` };
  return {
    sha: sha(id),
    parents: [],
    author: who,
    committer: who,
    authorTime: at(day),
    committerTime: at(day),
    summary: `commit ${id}`,
    files: [
      {
        path,
        status,
        hunks: hunks.map(([start, lines]) => ({
          oldStart: start,
          oldLines: lines,
          newStart: start,
          newLines: lines,
        })),
      },
    ],
  };
}

function blame(line: number, id: string, day: number): BlameLine {
  return {
    line, commit: sha(id), author: id, authorEmail: '', authorTime: at(day), summary: `commit ${id}`,
    originalLine: line, originalPath: 'src/cart.js', content: '', boundary: false,
  }; // prettier-ignore
}

describe('rankSuspectCommits', () => {
  const base = {
    targets: [
      { repoPath: 'src/cart.js', line: 40, weight: 1 },
      { repoPath: 'src/checkout.js', line: 9, weight: 0.57 },
    ],
    firstSeen: at(20),
    blameRadius: 3,
  };

  it('puts the commit that changed the crashing line before older, bigger and later commits', () => {
    const ranked = rankSuspectCommits({
      ...base,
      blame: [
        {
          repoPath: 'src/cart.js',
          lines: [blame(38, 'a', 1), blame(39, 'c', 25), blame(40, 'b', 15), blame(41, 'a', 1)],
        },
      ],
      commits: [
        commit('c', 25, [[39, 1]]),
        commit('d', 18, [[100, 4]]),
        commit('b', 15, [[40, 1]]),
        commit('a', 1, [[1, 300]], 'src/cart.js', 'added'),
      ],
    });
    expect(ranked.map((s) => s.sha[0])).toEqual(['b', 'a', 'd', 'c']);
    expect(ranked[0]).toMatchObject({
      touchesCrashLine: true,
      files: ['src/cart.js'],
      landedAfterFirstSeen: false,
    });
    expect(ranked[0]?.reasons[0]).toBe('git blame: last changed the crashing line src/cart.js:40 (+0.50)');
    expect(ranked[1]?.reasons.join(' ')).toContain('(a 300-line change)');
    const late = ranked[3];
    expect(late).toMatchObject({ landedAfterFirstSeen: true });
    expect(late?.reasons.at(-1)).toMatch(/after the issue was first seen.*score ×0.05/);
  });

  it('weighs outer frames less than the crashing frame', () => {
    const ranked = rankSuspectCommits({
      ...base,
      blame: [],
      commits: [commit('e', 10, [[9, 1]], 'src/checkout.js'), commit('f', 10, [[40, 1]])],
    });
    expect(ranked.map((s) => s.sha[0])).toEqual(['f', 'e']);
    expect(ranked[1]?.touchesCrashLine).toBe(false);
  });

  it('prefers the more recent of two equally close commits', () => {
    const ranked = rankSuspectCommits({
      ...base,
      blame: [],
      commits: [commit('g', 2, [[41, 1]]), commit('h', 19, [[39, 1]])],
    });
    expect(ranked.map((s) => s.sha[0])).toEqual(['h', 'g']);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });
});
