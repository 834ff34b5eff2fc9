import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error.ts';
import { assertWritableBranch, isWritableBranch, plainBranchName } from './branch-protection.ts';

const protection = { baseBranch: 'develop', protectedBranches: ['release/1.x'] };

function refusal(branch: string): unknown {
  try {
    assertWritableBranch(branch, protection);
    return null;
  } catch (error) {
    return error;
  }
}

describe('assertWritableBranch', () => {
  it.each(['main', 'master', 'staging', 'develop', 'release/1.x', 'refs/heads/main', 'Main', 'STAGING'])(
    'refuses %s with a forbidden AppError',
    (branch) => {
      const error = refusal(branch);
      expect(isAppError(error) && error.code).toBe('forbidden');
    },
  );

  it.each(['', 'HEAD', '-f', 'fix:main', 'a..b', 'a b', 'x.lock', 'a~1', 'x@{1}'])(
    'refuses unsafe name %j',
    (b) => {
      expect(isAppError(refusal(b))).toBe(true);
    },
  );

  it('allows the fix branch and per-issue branches', () => {
    expect(isWritableBranch('fixloop', protection)).toBe(true);
    expect(isWritableBranch('fix/issue-42', protection)).toBe(true);
    expect(isWritableBranch('refs/heads/fixloop', protection)).toBe(true);
  });

  it('strips refs/heads/ from plain names', () => {
    expect(plainBranchName('refs/heads/fixloop')).toBe('fixloop');
    expect(plainBranchName('refs/heads/')).toBeNull();
  });
});
