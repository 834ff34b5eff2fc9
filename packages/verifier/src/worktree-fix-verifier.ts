import { isAppError } from '@fixloop/core';
import type {
  FixVerifier,
  GitWorkspace,
  ReproductionRequest,
  TestRunner,
  VerificationRequest,
  VerificationVerdict,
} from '@fixloop/core';
import { parseTestResults } from './parse-test-results.ts';
import { checkReproduction } from './reproduction-check.ts';
import { VerificationSession } from './verification-session.ts';

export interface WorktreeFixVerifierOptions {
  git: GitWorkspace;
  runner: TestRunner;
  /** Where throwaway HOME folders are made; the OS temp folder by default. */
  tempDir?: string;
}

type Verdict = Omit<VerificationVerdict, 'steps'>;

/**
 * FixVerifier on real worktrees and child processes: every verification starts from a fresh worktree of
 * the base head, runs the install command, proves the reproduction fails with the captured error, applies
 * the fix, proves the reproduction passes, then runs the whole test command. When that fails, the same
 * command runs on a second fresh worktree of the base, and only tests that passed there count against
 * the fix.
 */
export class WorktreeFixVerifier implements FixVerifier {
  constructor(private readonly options: WorktreeFixVerifierOptions) {}

  async reproduce(request: ReproductionRequest): Promise<VerificationVerdict> {
    return this.withSession(
      request,
      async (session) => (await this.prepare(session, request)) ?? verified('reproduced on the base'),
    );
  }

  async verify(request: VerificationRequest): Promise<VerificationVerdict> {
    return this.withSession(request, async (session) => {
      const failure = await this.prepare(session, request);
      if (failure) return failure;
      try {
        await this.options.git.applyPatch(session.worktree, request.fix.diff);
        session.record('apply_fix', { output: request.fix.diff }, true);
      } catch (error) {
        if (!isAppError(error) || error.code !== 'conflict') throw error;
        session.record('apply_fix', { output: error.message }, false);
        return failed('patch_does_not_apply', `the fix does not apply to the base: ${error.message}`);
      }
      const test = request.reproduction;
      const fixed = await session.run(
        'reproduce_on_fix',
        test.command,
        request.timeouts.testMs,
        (run) => run.exitCode === 0,
      );
      if (fixed.exitCode !== 0) {
        return failed(
          'fix_failed',
          fixed.timedOut
            ? 'the reproduction test timed out with the fix'
            : 'the reproduction test still fails with the fix',
        );
      }
      const suite = await session.run(
        'suite_on_fix',
        request.testCommand,
        request.timeouts.suiteMs,
        (run) => run.exitCode === 0,
      );
      if (suite.exitCode === 0)
        return verified(
          'the reproduction fails on the base, passes with the fix, and the test command passes',
        );
      return this.compareWithBase(request, suite.output, session);
    });
  }

  private async prepare(session: VerificationSession, request: ReproductionRequest): Promise<Verdict | null> {
    if (request.installCommand) {
      const install = await session.run(
        'install',
        request.installCommand,
        request.timeouts.installMs,
        (run) => run.exitCode === 0,
      );
      if (install.exitCode !== 0)
        return failed(
          'install_failed',
          `the install command failed (${install.timedOut ? 'timed out' : `exit ${install.exitCode}`})`,
        );
    }
    const test = request.reproduction;
    await session.writeFile(test.path, test.content);
    let check: ReturnType<typeof checkReproduction> = { reproduced: false, reason: '' };
    await session.run(
      'reproduce_on_base',
      test.command,
      request.timeouts.testMs,
      (run) => (check = checkReproduction(run, test.expectedFailure)).reproduced,
    );
    return check.reproduced ? null : failed('no_reproduction', check.reason);
  }

  private async compareWithBase(
    request: VerificationRequest,
    fixOutput: string,
    fixSession: VerificationSession,
  ): Promise<Verdict> {
    const onFix = parseTestResults(fixOutput);
    const base = await VerificationSession.open(
      this.options.git,
      this.options.runner,
      request.baseSha,
      request.root,
      this.options.tempDir,
    );
    try {
      if (request.installCommand)
        await base.run(
          'install',
          request.installCommand,
          request.timeouts.installMs,
          (run) => run.exitCode === 0,
        );
      const run = await base.run('suite_on_base', request.testCommand, request.timeouts.suiteMs, () => true);
      fixSession.steps.push(...base.steps);
      if (onFix.failed.size === 0)
        return failed(
          'suite_regressed',
          'the test command fails with the fix and its output names no failing test to compare with the base',
        );
      const onBase = parseTestResults(run.output);
      const regressions = [...onFix.failed].filter((name) => !onBase.failed.has(name)).sort();
      if (regressions.length > 0) return { ...failed('suite_regressed', `the fix breaks ${regressions.length} test(s) that pass on the base: ${regressions.slice(0, 5).join('; ')}`), regressions }; // prettier-ignore
      return verified(
        `the test command already fails on the base; the fix breaks none of its passing tests (${onFix.failed.size} failing on both)`,
      );
    } finally {
      await base.close();
    }
  }

  private async withSession(
    request: ReproductionRequest,
    body: (session: VerificationSession) => Promise<Verdict>,
  ): Promise<VerificationVerdict> {
    let session: VerificationSession;
    try {
      session = await VerificationSession.open(this.options.git, this.options.runner, request.baseSha, request.root, this.options.tempDir); // prettier-ignore
    } catch (error) {
      return {
        ...failed('error', `no worktree of ${request.baseSha}: ${(error as Error).message}`),
        steps: [],
      };
    }
    try {
      const verdict = await body(session);
      return { ...verdict, steps: session.steps };
    } catch (error) {
      return {
        ...failed('error', `verification could not run: ${(error as Error).message}`),
        steps: session.steps,
      };
    } finally {
      await session.close();
    }
  }
}

function verified(reason: string): Verdict {
  return { outcome: 'verified', verified: true, reason, regressions: [] };
}

function failed(outcome: Verdict['outcome'], reason: string): Verdict {
  return { outcome, verified: false, reason, regressions: [] };
}
