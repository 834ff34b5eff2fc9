import { describe, expect, it } from 'vitest';
import { findSimilarIssues } from './find-similar-issues.ts';
import { normalizeIssueText, textSimilarity } from './text-similarity.ts';

describe('text similarity', () => {
  it('ignores volatile values and splits identifiers', () => {
    expect(normalizeIssueText("Cannot read 'price' of undefined (id 42, req 3f2a9c1d)")).toBe(
      'cannot read str of undefined id num req hex',
    );
    expect(normalizeIssueText('getUserById failed')).toBe('get user by id failed');
    expect(textSimilarity("Cannot read 'price' of undefined", "Cannot read 'total' of undefined")).toBe(1);
    expect(textSimilarity('connect ECONNREFUSED', 'Cannot read of undefined')).toBeLessThan(0.2);
  });
});

describe('findSimilarIssues', () => {
  const target = {
    id: 1,
    title: "TypeError: Cannot read properties of undefined (reading 'amount')",
    type: 'TypeError',
    culprit: 'total(src/cart)',
  };
  const candidates = [
    { id: 1, title: target.title, type: 'TypeError', culprit: target.culprit },
    { id: 2, title: 'Error: connect ECONNREFUSED 127.0.0.1:5432', type: 'Error', culprit: 'connect(src/db)' },
    { id: 3, title: "TypeError: Cannot read properties of undefined (reading 'price')", type: 'TypeError', culprit: 'subtotal(src/cart)', fixCommits: ['abc'] },
    { id: 4, title: "TypeError: Cannot read properties of null (reading 'amount')", type: 'TypeError', culprit: 'total(src/cart)', resolutionComments: ['null from API'] },
    { id: 5, title: "RangeError: Cannot read properties of undefined (reading 'amount')", culprit: 'render(src/ui/list)' },
  ]; // prettier-ignore

  it('ranks resolved issues by title, type and culprit, skipping itself and unrelated ones', () => {
    const similar = findSimilarIssues(target, candidates);
    expect(similar.map((s) => s.id)).toEqual([4, 3, 5]);
    expect(similar[0]).toMatchObject({ resolutionComments: ['null from API'], fixCommits: [] });
    expect(similar[0]?.reasons).toContain('same exception type TypeError');
    expect(similar[1]?.fixCommits).toEqual(['abc']);
    expect(similar[0]!.score).toBeGreaterThan(similar[1]!.score);
  });

  it('honours the threshold and the limit', () => {
    expect(findSimilarIssues(target, candidates, { minScore: 0.99 })).toEqual([]);
    expect(findSimilarIssues(target, candidates, { limit: 1 }).map((s) => s.id)).toEqual([4]);
  });
});
