import { describe, expect, it } from 'vitest';
import { checkFrameLine } from './frame-line-check.ts';

const lines = ['a', 'b', '  const x = y.z;', 'c', 'd'];

describe('checkFrameLine', () => {
  it('verifies, adjusts or flags the reported line against the context line', () => {
    expect(checkFrameLine(lines, 3, 'const x = y.z;')).toEqual({ line: 3, check: 'verified' });
    expect(checkFrameLine(lines, 5, '  const x = y.z;  ')).toEqual({ line: 3, check: 'adjusted' });
    expect(checkFrameLine(lines, 2, 'gone()')).toEqual({ line: 2, check: 'mismatch' });
    expect(checkFrameLine(lines, 99, null)).toEqual({ line: 5, check: 'unverified' });
  });
});
