import { describe, expect, it } from 'vitest';
import { retentionCutoff } from './retention-cutoff.ts';

describe('retentionCutoff', () => {
  it('is the given number of whole days before now', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    expect(retentionCutoff(now, 30)).toEqual(new Date('2026-05-02T12:00:00Z'));
    expect(retentionCutoff(now, 0)).toEqual(now);
  });
});
