import { describe, expect, it } from 'vitest';
import { releaseRefCandidates, resolveInvestigatedCommit } from './investigated-commit.ts';

describe('releaseRefCandidates', () => {
  it('derives tags and shas from common release names', () => {
    expect(releaseRefCandidates('shop@1.4.2+3f2a9c1')).toEqual([
      'shop@1.4.2+3f2a9c1',
      '1.4.2+3f2a9c1',
      '1.4.2',
      'v1.4.2',
      '3f2a9c1',
    ]);
    expect(releaseRefCandidates('v2.0.0')).toEqual(['v2.0.0']);
    expect(releaseRefCandidates(' ')).toEqual([]);
    expect(releaseRefCandidates(null)).toEqual([]);
  });
});

describe('resolveInvestigatedCommit', () => {
  const base = { branch: 'main', sha: 'b'.repeat(40) };

  it('uses the first release candidate the repository knows, else the base head', async () => {
    const known: Record<string, string> = { 'v1.4.2': 'a'.repeat(40) };
    const git = { resolveCommit: async (ref: string) => known[ref] ?? null };
    expect(await resolveInvestigatedCommit(git, 'shop@1.4.2', base)).toEqual({
      sha: 'a'.repeat(40),
      source: 'release',
      ref: 'v1.4.2',
    });
    expect(await resolveInvestigatedCommit(git, 'shop@9.9.9', base)).toEqual({
      sha: base.sha,
      source: 'base',
      ref: 'main',
    });
    expect(await resolveInvestigatedCommit(git, null, base)).toMatchObject({ source: 'base' });
  });
});
