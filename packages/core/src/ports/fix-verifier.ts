import type { FixPatch } from '../autofix/fix-patch.ts';
import type { ReproductionTest } from '../autofix/reproduction-test.ts';

export interface VerificationTimeouts {
  installMs: number;
  testMs: number;
  suiteMs: number;
}

export interface ReproductionRequest {
  /** The base branch head every run starts from (a fresh worktree of it). */
  baseSha: string;
  /** Monorepo subfolder the commands run in; paths in patches stay repository-relative. */
  root?: string;
  installCommand?: string;
  reproduction: ReproductionTest;
  timeouts: VerificationTimeouts;
}

export interface VerificationRequest extends ReproductionRequest {
  testCommand: string;
  /** The fix alone; the reproduction test is written separately. */
  fix: FixPatch;
}

export type VerificationStepName =
  'install' | 'reproduce_on_base' | 'apply_fix' | 'reproduce_on_fix' | 'suite_on_fix' | 'suite_on_base';

export interface VerificationStep {
  name: VerificationStepName;
  command: string | null;
  exitCode: number | null;
  timedOut: boolean;
  durationMs: number;
  /** Whether the step gave the answer verification needed (for reproduce_on_base: the test failed). */
  ok: boolean;
  log: string;
}

export type VerificationOutcome =
  | 'verified'
  | 'no_reproduction'
  | 'install_failed'
  | 'patch_does_not_apply'
  | 'fix_failed'
  | 'suite_regressed'
  | 'error';

export interface VerificationVerdict {
  outcome: VerificationOutcome;
  verified: boolean;
  reason: string;
  steps: VerificationStep[];
  /** Tests that passed on the base and fail with the fix. */
  regressions: string[];
}

/**
 * Proves a fix in a fresh worktree of the base head, in child processes with a sanitized environment:
 * the reproduction test must fail on the base with the captured error, pass with the fix, and the whole
 * test command must pass or at least fail no test that passed on the base.
 */
export interface FixVerifier {
  /** Install (if configured) and run the reproduction test on the base; outcome `verified` = reproduced. */
  reproduce(request: ReproductionRequest): Promise<VerificationVerdict>;
  verify(request: VerificationRequest): Promise<VerificationVerdict>;
}
