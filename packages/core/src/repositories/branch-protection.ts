import { AppError } from '../errors/app-error.ts';

/** Branches no automated write may ever touch, whatever the settings say. */
export const ALWAYS_PROTECTED_BRANCHES = ['main', 'master', 'staging'] as const;

export interface BranchProtection {
  /** The project's base branch (configured, or the remote's default branch). */
  baseBranch: string;
  protectedBranches?: readonly string[];
}

/**
 * Throws AppError('forbidden') unless `branch` is a plain branch name Fixloop may write to. Comparison
 * ignores case and a `refs/heads/` prefix, because on case-insensitive file systems `Main` is `main`.
 */
export function assertWritableBranch(branch: string, protection: BranchProtection): void {
  const name = plainBranchName(branch);
  if (name === null) {
    throw new AppError('forbidden', `refusing to write to an invalid branch name: ${JSON.stringify(branch)}`);
  }
  const guarded = [
    ...ALWAYS_PROTECTED_BRANCHES,
    protection.baseBranch,
    ...(protection.protectedBranches ?? []),
  ];
  const hit = guarded.find((candidate) => sameBranch(candidate, name));
  if (hit !== undefined) {
    throw new AppError('forbidden', `refusing to write to protected branch "${name}"`, { branch: name });
  }
}

export function isWritableBranch(branch: string, protection: BranchProtection): boolean {
  try {
    assertWritableBranch(branch, protection);
    return true;
  } catch {
    return false;
  }
}

/** The branch name without `refs/heads/`, or null when it is not a safe git branch name. */
export function plainBranchName(branch: string): string | null {
  const name = branch.startsWith('refs/heads/') ? branch.slice('refs/heads/'.length) : branch;
  const unsafe =
    name === '' ||
    name === 'HEAD' ||
    name.startsWith('-') ||
    name.startsWith('/') ||
    name.endsWith('/') ||
    name.endsWith('.lock') ||
    name.includes('..') ||
    name.includes('@{') ||
    // eslint-disable-next-line no-control-regex -- control characters are exactly what git forbids
    /[\s~^:?*[\\\x00-\x1f\x7f]/.test(name);
  return unsafe ? null : name;
}

function sameBranch(a: string, b: string): boolean {
  const plainA = a.startsWith('refs/heads/') ? a.slice('refs/heads/'.length) : a;
  return plainA.toLowerCase() === b.toLowerCase();
}
