export { WorktreeFixVerifier, type WorktreeFixVerifierOptions } from './worktree-fix-verifier.ts';
export { ProcessTestRunner, type ProcessTestRunnerOptions } from './process-test-runner.ts';
export {
  sandboxEnvironment,
  DEFAULT_PASSED_VARIABLES,
  type SandboxEnvironmentOptions,
} from './sandbox-environment.ts';
export { parseTestResults, stripAnsi, type TestResults } from './parse-test-results.ts';
export { checkReproduction, type ReproductionCheck } from './reproduction-check.ts';
