import { describe, expect, it } from 'vitest';
import { editDistance, uniqueNearestName } from './edit-distance.ts';

describe('editDistance', () => {
  it('counts substitutions, insertions, deletions and transpositions as one edit each', () => {
    expect(editDistance('total', 'totla')).toBe(1);
    expect(editDistance('format', 'formt')).toBe(1);
    expect(editDistance('format', 'formats')).toBe(1);
    expect(editDistance('getUser', 'getUsr')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
  });

  it('stops early above the limit', () => {
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('uniqueNearestName', () => {
  it('picks the one closest name within two edits', () => {
    expect(uniqueNearestName('calcTotl', ['calcTotal', 'calcTax', 'render'])).toBe('calcTotal');
  });

  it('refuses ties, exact matches and far names', () => {
    expect(uniqueNearestName('cat', ['bat', 'hat'])).toBeNull();
    expect(uniqueNearestName('total', ['total'])).toBeNull();
    expect(uniqueNearestName('abc', ['xyzw'])).toBeNull();
  });

  it('prefers the strictly closer of two candidates', () => {
    expect(uniqueNearestName('fromat', ['format', 'frmt'])).toBe('format');
  });
});
