import { describe, expect, it } from 'vitest';
import { checkRollback } from './rollback-window.ts';

const committedAt = new Date('2026-03-01T10:00:00Z');
const at = (hours: number) => new Date(committedAt.getTime() + hours * 3_600_000);

describe('checkRollback', () => {
  it('allows a committed fix within 24 hours of its commit', () => {
    const attempt = { state: 'committed' as const, commitSha: 'abc', committedAt };
    expect(checkRollback(attempt, at(1))).toEqual({ allowed: true });
    expect(checkRollback({ ...attempt, state: 'tests_failed' }, at(23.9))).toEqual({ allowed: true });
  });

  it('refuses after the window and for fixes without a commit', () => {
    const attempt = { state: 'tests_passed' as const, commitSha: 'abc', committedAt };
    expect(checkRollback(attempt, at(24.01))).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/24 hours/),
    });
    expect(
      checkRollback({ state: 'awaiting_approval', commitSha: null, committedAt: null }, at(0)),
    ).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/awaiting_approval/),
    });
    expect(checkRollback({ ...attempt, state: 'rolled_back' }, at(1)).allowed).toBe(false);
  });
});
